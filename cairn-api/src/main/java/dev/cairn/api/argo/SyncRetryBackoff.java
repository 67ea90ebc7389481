package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Backoff of sync retries: {@code duration} (e.g. {@code 5s}) times {@code factor}, capped at
 * {@code maxDuration}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncRetryBackoff(String duration, Long factor, String maxDuration) {}

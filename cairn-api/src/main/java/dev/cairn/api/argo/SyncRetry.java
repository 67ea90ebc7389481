package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** How a failed sync is retried: {@code limit} attempts with {@code backoff}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncRetry(Long limit, SyncRetryBackoff backoff, Boolean refresh) {}

package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Progressive syncs: {@code type} {@code AllAtOnce} (the default) or {@code RollingSync} with
 * {@code rollingSync.steps}; {@code deletionOrder} {@code AllAtOnce} or {@code Reverse}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSetStrategy(
    String type, ApplicationSetRolloutStrategy rollingSync, String deletionOrder) {}

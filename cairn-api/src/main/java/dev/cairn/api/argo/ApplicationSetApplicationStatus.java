package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The rollout state of one generated Application under a RollingSync: {@code status} Waiting,
 * Pending, Progressing or Healthy, {@code step} the 1-based step it belongs to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSetApplicationStatus(
    String application, String lastTransitionTime, String message, String status, String step) {}

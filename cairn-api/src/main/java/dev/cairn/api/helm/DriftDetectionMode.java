package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether drift of the released objects is corrected, only reported, or ignored. */
public enum DriftDetectionMode {
  @JsonProperty("enabled")
  ENABLED,
  @JsonProperty("warn")
  WARN,
  @JsonProperty("disabled")
  DISABLED
}

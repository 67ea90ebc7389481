package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether Helm upgrades and rollbacks use server-side apply. */
public enum ServerSideApplyMode {
  @JsonProperty("enabled")
  ENABLED,
  @JsonProperty("disabled")
  DISABLED,
  @JsonProperty("auto")
  AUTO
}

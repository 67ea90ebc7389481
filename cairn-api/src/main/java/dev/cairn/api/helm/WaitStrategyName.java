package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How readiness is waited for after install and upgrade. */
public enum WaitStrategyName {
  @JsonProperty("poller")
  POLLER,
  @JsonProperty("legacy")
  LEGACY
}

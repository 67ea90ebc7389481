package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a failed upgrade is remediated. */
public enum RemediationStrategy {
  @JsonProperty("rollback")
  ROLLBACK,
  @JsonProperty("uninstall")
  UNINSTALL
}

package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Health as Argo CD reports it: Healthy, Progressing, Degraded, Suspended, Missing or Unknown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppHealthStatus(String status, String message, String lastTransitionTime) {
  public static final String HEALTHY = "Healthy";
  public static final String PROGRESSING = "Progressing";
  public static final String DEGRADED = "Degraded";
  public static final String SUSPENDED = "Suspended";
  public static final String MISSING = "Missing";
  public static final String UNKNOWN = "Unknown";
}

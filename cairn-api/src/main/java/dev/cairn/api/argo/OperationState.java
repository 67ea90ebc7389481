package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The last sync operation: phase (Running, Succeeded, Failed, Error, Terminating), message, result,
 * times.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OperationState(
    AppOperation operation,
    String phase,
    String message,
    SyncOperationResult syncResult,
    String startedAt,
    String finishedAt,
    Long retryCount) {
  public static final String RUNNING = "Running";
  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";
  public static final String ERROR = "Error";
}

package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.ReconcileStatus;
import java.util.List;

/**
 * Observed state of an Application in Argo CD's shape ({@code sync}, {@code health}, {@code
 * resources}, {@code operationState}, {@code history}, {@code reconciledAt}, {@code summary}) next
 * to Cairn's conditions (Ready, Reconciling, Stalled, and Argo CD's error conditions such as {@code
 * SyncError}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ApplicationStatus extends ReconcileStatus {

  private List<AppResourceStatus> resources;
  private AppSyncStatus sync;
  private AppHealthStatus health;
  private List<RevisionHistory> history;
  private String reconciledAt;
  private OperationState operationState;
  private String observedAt;
  private String sourceType;
  private List<String> sourceTypes;
  private ApplicationSummary summary;
  private String controllerNamespace;

  public List<AppResourceStatus> getResources() {
    return resources;
  }

  public void setResources(List<AppResourceStatus> resources) {
    this.resources = resources;
  }

  public AppSyncStatus getSync() {
    return sync;
  }

  public void setSync(AppSyncStatus sync) {
    this.sync = sync;
  }

  public AppHealthStatus getHealth() {
    return health;
  }

  public void setHealth(AppHealthStatus health) {
    this.health = health;
  }

  public List<RevisionHistory> getHistory() {
    return history;
  }

  public void setHistory(List<RevisionHistory> history) {
    this.history = history;
  }

  public String getReconciledAt() {
    return reconciledAt;
  }

  public void setReconciledAt(String reconciledAt) {
    this.reconciledAt = reconciledAt;
  }

  public OperationState getOperationState() {
    return operationState;
  }

  public void setOperationState(OperationState operationState) {
    this.operationState = operationState;
  }

  public String getObservedAt() {
    return observedAt;
  }

  public void setObservedAt(String observedAt) {
    this.observedAt = observedAt;
  }

  /** Helm, Kustomize or Directory, as Argo CD names the type of a single source. */
  public String getSourceType() {
    return sourceType;
  }

  public void setSourceType(String sourceType) {
    this.sourceType = sourceType;
  }

  public List<String> getSourceTypes() {
    return sourceTypes;
  }

  public void setSourceTypes(List<String> sourceTypes) {
    this.sourceTypes = sourceTypes;
  }

  public ApplicationSummary getSummary() {
    return summary;
  }

  public void setSummary(ApplicationSummary summary) {
    this.summary = summary;
  }

  public String getControllerNamespace() {
    return controllerNamespace;
  }

  public void setControllerNamespace(String controllerNamespace) {
    this.controllerNamespace = controllerNamespace;
  }
}

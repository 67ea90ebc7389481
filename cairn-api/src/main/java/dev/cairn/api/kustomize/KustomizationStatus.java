package dev.cairn.api.kustomize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.HistoryEntry;
import dev.cairn.api.ReconcileStatus;
import dev.cairn.api.ResourceInventory;
import java.util.List;

/** Observed state of a Kustomization, as Flux reports it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class KustomizationStatus extends ReconcileStatus {

  private String lastAppliedRevision;
  private String lastAppliedOriginRevision;
  private String lastAttemptedRevision;
  private ResourceInventory inventory;
  private List<HistoryEntry> history;

  /** The source revision last applied successfully. */
  public String getLastAppliedRevision() {
    return lastAppliedRevision;
  }

  public void setLastAppliedRevision(String lastAppliedRevision) {
    this.lastAppliedRevision = lastAppliedRevision;
  }

  /** The origin revision (from OCI annotations) of the last applied source. */
  public String getLastAppliedOriginRevision() {
    return lastAppliedOriginRevision;
  }

  public void setLastAppliedOriginRevision(String lastAppliedOriginRevision) {
    this.lastAppliedOriginRevision = lastAppliedOriginRevision;
  }

  /** The source revision of the last attempt, successful or not. */
  public String getLastAttemptedRevision() {
    return lastAttemptedRevision;
  }

  public void setLastAttemptedRevision(String lastAttemptedRevision) {
    this.lastAttemptedRevision = lastAttemptedRevision;
  }

  public ResourceInventory getInventory() {
    return inventory;
  }

  public void setInventory(ResourceInventory inventory) {
    this.inventory = inventory;
  }

  public List<HistoryEntry> getHistory() {
    return history;
  }

  public void setHistory(List<HistoryEntry> history) {
    this.history = history;
  }
}

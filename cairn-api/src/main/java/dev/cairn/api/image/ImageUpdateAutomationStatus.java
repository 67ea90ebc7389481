package dev.cairn.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.ReconcileStatus;
import java.util.Map;

/** Observed state of an ImageUpdateAutomation, as Flux reports it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ImageUpdateAutomationStatus extends ReconcileStatus {
  private String lastAutomationRunTime;
  private String lastPushCommit;
  private String lastPushTime;
  private String observedSourceRevision;
  private Map<String, ImageRef> observedPolicies;

  public String getLastAutomationRunTime() {
    return lastAutomationRunTime;
  }

  public void setLastAutomationRunTime(String lastAutomationRunTime) {
    this.lastAutomationRunTime = lastAutomationRunTime;
  }

  public String getLastPushCommit() {
    return lastPushCommit;
  }

  public void setLastPushCommit(String lastPushCommit) {
    this.lastPushCommit = lastPushCommit;
  }

  public String getLastPushTime() {
    return lastPushTime;
  }

  public void setLastPushTime(String lastPushTime) {
    this.lastPushTime = lastPushTime;
  }

  public String getObservedSourceRevision() {
    return observedSourceRevision;
  }

  public void setObservedSourceRevision(String observedSourceRevision) {
    this.observedSourceRevision = observedSourceRevision;
  }

  /** The policies' picks the last run wrote, by policy name, as Flux. */
  public Map<String, ImageRef> getObservedPolicies() {
    return observedPolicies;
  }

  public void setObservedPolicies(Map<String, ImageRef> observedPolicies) {
    this.observedPolicies = observedPolicies;
  }
}

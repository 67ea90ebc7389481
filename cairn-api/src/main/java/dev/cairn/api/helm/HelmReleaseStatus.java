package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.ReconcileStatus;
import dev.cairn.api.ResourceInventory;
import java.util.List;

/** Observed state of a HelmRelease, as Flux reports it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class HelmReleaseStatus extends ReconcileStatus {

  private String helmChart;
  private String storageNamespace;
  private List<Snapshot> history;
  private String lastAttemptedReleaseAction;
  private Long failures;
  private Long installFailures;
  private Long upgradeFailures;
  private String lastAttemptedRevision;
  private String lastAttemptedRevisionDigest;
  private String lastAttemptedValuesChecksum;
  private String lastAttemptedConfigDigest;
  private Long lastAttemptedGeneration;
  private String lastHandledForceAt;
  private String lastHandledResetAt;
  private String observedPostRenderersDigest;
  private String observedCommonMetadataDigest;
  private ResourceInventory inventory;
  private String lastAttemptedReleaseActionDuration;
  private Long lastReleaseRevision;

  /** {@code <namespace>/<name>} of the HelmChart created from {@code spec.chart}. */
  public String getHelmChart() {
    return helmChart;
  }

  public void setHelmChart(String helmChart) {
    this.helmChart = helmChart;
  }

  public String getStorageNamespace() {
    return storageNamespace;
  }

  public void setStorageNamespace(String storageNamespace) {
    this.storageNamespace = storageNamespace;
  }

  /** Release revisions, newest first. */
  public List<Snapshot> getHistory() {
    return history;
  }

  public void setHistory(List<Snapshot> history) {
    this.history = history;
  }

  /** {@code install} or {@code upgrade}. */
  public String getLastAttemptedReleaseAction() {
    return lastAttemptedReleaseAction;
  }

  public void setLastAttemptedReleaseAction(String lastAttemptedReleaseAction) {
    this.lastAttemptedReleaseAction = lastAttemptedReleaseAction;
  }

  /** Failures of reconciliation steps other than install and upgrade. */
  public Long getFailures() {
    return failures;
  }

  public void setFailures(Long failures) {
    this.failures = failures;
  }

  public Long getInstallFailures() {
    return installFailures;
  }

  public void setInstallFailures(Long installFailures) {
    this.installFailures = installFailures;
  }

  public Long getUpgradeFailures() {
    return upgradeFailures;
  }

  public void setUpgradeFailures(Long upgradeFailures) {
    this.upgradeFailures = upgradeFailures;
  }

  /** The chart version (or revision) of the last attempt. */
  public String getLastAttemptedRevision() {
    return lastAttemptedRevision;
  }

  public void setLastAttemptedRevision(String lastAttemptedRevision) {
    this.lastAttemptedRevision = lastAttemptedRevision;
  }

  public String getLastAttemptedRevisionDigest() {
    return lastAttemptedRevisionDigest;
  }

  public void setLastAttemptedRevisionDigest(String lastAttemptedRevisionDigest) {
    this.lastAttemptedRevisionDigest = lastAttemptedRevisionDigest;
  }

  /** Deprecated in Flux in favour of {@link #getLastAttemptedConfigDigest()}; still written. */
  public String getLastAttemptedValuesChecksum() {
    return lastAttemptedValuesChecksum;
  }

  public void setLastAttemptedValuesChecksum(String lastAttemptedValuesChecksum) {
    this.lastAttemptedValuesChecksum = lastAttemptedValuesChecksum;
  }

  public String getLastAttemptedConfigDigest() {
    return lastAttemptedConfigDigest;
  }

  public void setLastAttemptedConfigDigest(String lastAttemptedConfigDigest) {
    this.lastAttemptedConfigDigest = lastAttemptedConfigDigest;
  }

  public Long getLastAttemptedGeneration() {
    return lastAttemptedGeneration;
  }

  public void setLastAttemptedGeneration(Long lastAttemptedGeneration) {
    this.lastAttemptedGeneration = lastAttemptedGeneration;
  }

  public String getLastHandledForceAt() {
    return lastHandledForceAt;
  }

  public void setLastHandledForceAt(String lastHandledForceAt) {
    this.lastHandledForceAt = lastHandledForceAt;
  }

  public String getLastHandledResetAt() {
    return lastHandledResetAt;
  }

  public void setLastHandledResetAt(String lastHandledResetAt) {
    this.lastHandledResetAt = lastHandledResetAt;
  }

  public String getObservedPostRenderersDigest() {
    return observedPostRenderersDigest;
  }

  public void setObservedPostRenderersDigest(String observedPostRenderersDigest) {
    this.observedPostRenderersDigest = observedPostRenderersDigest;
  }

  public String getObservedCommonMetadataDigest() {
    return observedCommonMetadataDigest;
  }

  public void setObservedCommonMetadataDigest(String observedCommonMetadataDigest) {
    this.observedCommonMetadataDigest = observedCommonMetadataDigest;
  }

  /** Duration of the last release action, e.g. {@code 3.2s}. */
  public String getLastAttemptedReleaseActionDuration() {
    return lastAttemptedReleaseActionDuration;
  }

  public void setLastAttemptedReleaseActionDuration(String lastAttemptedReleaseActionDuration) {
    this.lastAttemptedReleaseActionDuration = lastAttemptedReleaseActionDuration;
  }

  /** Deprecated in Flux in favour of {@link #getHistory()}; kept so Flux statuses round-trip. */
  public Long getLastReleaseRevision() {
    return lastReleaseRevision;
  }

  public void setLastReleaseRevision(Long lastReleaseRevision) {
    this.lastReleaseRevision = lastReleaseRevision;
  }

  public ResourceInventory getInventory() {
    return inventory;
  }

  public void setInventory(ResourceInventory inventory) {
    this.inventory = inventory;
  }
}

package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.Artifact;
import java.util.List;

/** Observed state of a GitRepository, as Flux reports it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class GitRepositoryStatus extends SourceStatus {

  private List<Artifact> includedArtifacts;
  private String observedIgnore;
  private Boolean observedRecurseSubmodules;
  private List<GitRepositoryInclude> observedInclude;
  private List<String> observedSparseCheckout;
  private String sourceVerificationMode;

  public List<Artifact> getIncludedArtifacts() {
    return includedArtifacts;
  }

  public void setIncludedArtifacts(List<Artifact> includedArtifacts) {
    this.includedArtifacts = includedArtifacts;
  }

  public String getObservedIgnore() {
    return observedIgnore;
  }

  public void setObservedIgnore(String observedIgnore) {
    this.observedIgnore = observedIgnore;
  }

  public Boolean getObservedRecurseSubmodules() {
    return observedRecurseSubmodules;
  }

  public void setObservedRecurseSubmodules(Boolean observedRecurseSubmodules) {
    this.observedRecurseSubmodules = observedRecurseSubmodules;
  }

  public List<GitRepositoryInclude> getObservedInclude() {
    return observedInclude;
  }

  public void setObservedInclude(List<GitRepositoryInclude> observedInclude) {
    this.observedInclude = observedInclude;
  }

  public List<String> getObservedSparseCheckout() {
    return observedSparseCheckout;
  }

  public void setObservedSparseCheckout(List<String> observedSparseCheckout) {
    this.observedSparseCheckout = observedSparseCheckout;
  }

  public String getSourceVerificationMode() {
    return sourceVerificationMode;
  }

  public void setSourceVerificationMode(String sourceVerificationMode) {
    this.sourceVerificationMode = sourceVerificationMode;
  }
}

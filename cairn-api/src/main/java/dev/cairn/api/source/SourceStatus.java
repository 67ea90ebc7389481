package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.Artifact;
import dev.cairn.api.ReconcileStatus;

/** The status every source has: the conditions plus the artifact last stored. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class SourceStatus extends ReconcileStatus {

  private Artifact artifact;

  public Artifact getArtifact() {
    return artifact;
  }

  public void setArtifact(Artifact artifact) {
    this.artifact = artifact;
  }
}

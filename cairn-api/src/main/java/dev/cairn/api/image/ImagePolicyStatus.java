package dev.cairn.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.ReconcileStatus;

/** Observed state of an ImagePolicy, as Flux's v1 reports it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ImagePolicyStatus extends ReconcileStatus {
  private ImageRef latestRef;
  private ImageRef observedPreviousRef;

  public ImageRef getLatestRef() {
    return latestRef;
  }

  public void setLatestRef(ImageRef latestRef) {
    this.latestRef = latestRef;
  }

  public ImageRef getObservedPreviousRef() {
    return observedPreviousRef;
  }

  public void setObservedPreviousRef(ImageRef observedPreviousRef) {
    this.observedPreviousRef = observedPreviousRef;
  }
}

package dev.cairn.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.ReconcileStatus;
import java.util.List;

/** Observed state of an ImageRepository, as Flux reports it. The tags live in the controller. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ImageRepositoryStatus extends ReconcileStatus {
  private String canonicalImageName;
  private ScanResult lastScanResult;
  private List<String> observedExclusionList;

  /** The image name with the registry's host, e.g. {@code index.docker.io/library/nginx}. */
  public String getCanonicalImageName() {
    return canonicalImageName;
  }

  public void setCanonicalImageName(String canonicalImageName) {
    this.canonicalImageName = canonicalImageName;
  }

  public ScanResult getLastScanResult() {
    return lastScanResult;
  }

  public void setLastScanResult(ScanResult lastScanResult) {
    this.lastScanResult = lastScanResult;
  }

  public List<String> getObservedExclusionList() {
    return observedExclusionList;
  }

  public void setObservedExclusionList(List<String> observedExclusionList) {
    this.observedExclusionList = observedExclusionList;
  }
}

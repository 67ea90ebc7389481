package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Observed state of an OCIRepository, as Flux reports it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class OciRepositoryStatus extends SourceStatus {

  private String url;
  private String observedIgnore;
  private OciLayerSelector observedLayerSelector;

  /** Where consumers download the stored artifact. */
  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getObservedIgnore() {
    return observedIgnore;
  }

  public void setObservedIgnore(String observedIgnore) {
    this.observedIgnore = observedIgnore;
  }

  public OciLayerSelector getObservedLayerSelector() {
    return observedLayerSelector;
  }

  public void setObservedLayerSelector(OciLayerSelector observedLayerSelector) {
    this.observedLayerSelector = observedLayerSelector;
  }
}

package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Observed state of a HelmChart: the packaged chart artifact and what it was built from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class HelmChartStatus extends SourceStatus {

  private String observedSourceArtifactRevision;
  private String observedChartName;
  private List<String> observedValuesFiles;
  private String url;

  public String getObservedSourceArtifactRevision() {
    return observedSourceArtifactRevision;
  }

  public void setObservedSourceArtifactRevision(String observedSourceArtifactRevision) {
    this.observedSourceArtifactRevision = observedSourceArtifactRevision;
  }

  public String getObservedChartName() {
    return observedChartName;
  }

  public void setObservedChartName(String observedChartName) {
    this.observedChartName = observedChartName;
  }

  public List<String> getObservedValuesFiles() {
    return observedValuesFiles;
  }

  public void setObservedValuesFiles(List<String> observedValuesFiles) {
    this.observedValuesFiles = observedValuesFiles;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }
}

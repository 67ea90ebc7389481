package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.ReconcileStatus;
import java.util.List;

/**
 * Argo CD's ApplicationSet status: the conditions (ErrorOccurred, ParametersGenerated,
 * ResourcesUpToDate, RolloutProgressing besides Cairn's Ready), the generated Applications as
 * {@code resources} with their sync and health, and per-Application rollout state in {@code
 * applicationStatus}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ApplicationSetStatus extends ReconcileStatus {
  private List<ApplicationSetResource> resources;
  private Long resourcesCount;
  private List<ApplicationSetApplicationStatus> applicationStatus;

  public List<ApplicationSetResource> getResources() {
    return resources;
  }

  public void setResources(List<ApplicationSetResource> resources) {
    this.resources = resources;
  }

  public Long getResourcesCount() {
    return resourcesCount;
  }

  public void setResourcesCount(Long resourcesCount) {
    this.resourcesCount = resourcesCount;
  }

  public List<ApplicationSetApplicationStatus> getApplicationStatus() {
    return applicationStatus;
  }

  public void setApplicationStatus(List<ApplicationSetApplicationStatus> applicationStatus) {
    this.applicationStatus = applicationStatus;
  }
}

package dev.cairn.render.helm;

import java.util.Map;
import java.util.Objects;

/**
 * What to render a chart with: the release name and namespace, the user-supplied values (merged
 * over the chart's defaults by Helm) and the cluster's Kubernetes version ({@code v1.31.0}; null
 * leaves Helm's default). {@code toString} shows no values.
 */
public record HelmRenderRequest(
    String releaseName, String namespace, Map<String, Object> values, String kubeVersion) {

  public HelmRenderRequest {
    Objects.requireNonNull(releaseName, "releaseName");
    Objects.requireNonNull(namespace, "namespace");
    values = values == null ? Map.of() : values;
  }

  @Override
  public String toString() {
    return "HelmRenderRequest[" + namespace + "/" + releaseName + ", kube " + kubeVersion + "]";
  }
}

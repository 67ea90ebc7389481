package dev.cairn.render.argo;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What rendering one source of an Application needs besides the source itself.
 *
 * @param appName the Application's name: Helm's default release name
 * @param namespace the destination namespace: Helm's default namespace
 * @param kubeVersion the cluster's version for Helm's {@code .Capabilities.KubeVersion}, or null
 * @param refs the checked-out roots of the sources with a {@code ref}, by ref name, for {@code
 *     $ref/...} value files
 */
public record ArgoRenderContext(
    String appName, String namespace, String kubeVersion, Map<String, Path> refs) {
  public ArgoRenderContext {
    Objects.requireNonNull(appName, "appName");
    namespace = namespace == null ? "" : namespace;
    refs = refs == null ? Map.of() : Map.copyOf(refs);
  }
}

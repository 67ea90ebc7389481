package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** The identity kustomize gives an object: group, version, kind, namespace and name. */
public record ResId(String group, String version, String kind, String namespace, String name) {

  /** The current id of an object node. */
  public static ResId of(JsonNode node) {
    String apiVersion = node.path("apiVersion").asText("");
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    JsonNode meta = node.path("metadata");
    return new ResId(
        group,
        version,
        node.path("kind").asText(""),
        meta.path("namespace").asText(""),
        meta.path("name").asText(""));
  }

  /** Cluster-scoped as kustomize v5.5.0 sees it (by apiVersion and kind). */
  public boolean clusterScoped() {
    return KustomizeScopes.isClusterScoped(group, version, kind);
  }

  /** The namespace used for equality: none for cluster-scoped kinds, "default" for unset. */
  public String effectiveNamespace() {
    if (clusterScoped()) {
      return "";
    }
    return namespace.isEmpty() ? "default" : namespace;
  }

  /** A key equal for ids kustomize considers equal. */
  public String key() {
    return group + "|" + version + "|" + kind + "|" + effectiveNamespace() + "|" + name;
  }

  public boolean sameGvk(ResId o) {
    return group.equals(o.group) && version.equals(o.version) && kind.equals(o.kind);
  }

  /** Kustomize's rendering of an id in messages, e.g. {@code Deployment.v1.apps/web.prod}. */
  @Override
  public String toString() {
    String g = group.isEmpty() ? "[noGrp]" : group;
    String v = version.isEmpty() ? "[noVer]" : version;
    String ns = namespace.isEmpty() ? "[noNs]" : namespace;
    return kind + "." + v + "." + g + "/" + name + "." + ns;
  }
}

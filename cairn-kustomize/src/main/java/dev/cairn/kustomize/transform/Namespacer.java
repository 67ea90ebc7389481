package dev.cairn.kustomize.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.engine.Resource;
import dev.cairn.kustomize.engine.ResourceSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code namespace:} field: sets metadata.namespace of every namespaced object, the name of
 * core Namespace objects, the namespace of role-binding subjects named "default", and the service
 * namespaces of APIServices and CRD conversion webhooks (admission webhooks follow only through
 * name references, to services of the build). Cluster-scoped objects are left alone (like
 * kustomize, even a namespace they wrongly carry stays).
 */
public final class Namespacer {
  private Namespacer() {}

  public static void apply(ResourceSet set, String namespace, List<FieldSpec> specs, String file) {
    if (namespace == null || namespace.isEmpty()) {
      return;
    }
    boolean moved = false;
    for (Resource r : set.list()) {
      var id = r.id();
      r.rememberId(); // kustomize records every object's id, moved or not
      if (!id.clusterScoped()) {
        if (!namespace.equals(r.namespace())) {
          r.setNamespace(namespace);
          moved = true;
        }
      } else if (id.kind().equals("Namespace")
          && r.node().path("apiVersion").asText().equals("v1")
          && !namespace.equals(r.name())) {
        r.setName(namespace); // kustomize renames a core Namespace object to the namespace
        moved = true;
      }
      String kind = r.kind();
      if ((kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding"))
          && r.node().path("subjects").isArray()) {
        for (JsonNode subject : r.node().get("subjects")) {
          if (subject instanceof ObjectNode s && "default".equals(s.path("name").asText(null))) {
            s.put("namespace", namespace);
          }
        }
      }
      for (FieldSpec fs : specs) {
        if (fs.selects(id)) {
          fs.walk(r.node(), (parent, field) -> parent.put(field, namespace));
        }
      }
    }
    if (moved) {
      checkConflicts(set, file);
    }
  }

  /** Like kustomize, two objects that end up with one id are an error. */
  private static void checkConflicts(ResourceSet set, String file) {
    Map<String, Resource> seen = new HashMap<>();
    for (Resource r : set.list()) {
      Resource other = seen.putIfAbsent(r.id().key(), r);
      if (other != null) {
        throw new KustomizeException(
            file,
            0,
            "namespace transformation produces ID conflict: "
                + other.originalId()
                + " and "
                + r.originalId()
                + " both become "
                + r.id());
      }
    }
  }
}

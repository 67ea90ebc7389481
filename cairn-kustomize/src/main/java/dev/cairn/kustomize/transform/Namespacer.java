package dev.cairn.kustomize.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.engine.Resource;
import dev.cairn.kustomize.engine.ResourceSet;
import java.util.List;

/**
 * The {@code namespace:} field: sets metadata.namespace of every namespaced object, the namespace
 * of role-binding subjects named "default", and webhook and APIService service namespaces.
 * Cluster-scoped objects are left alone (like kustomize, even a namespace they wrongly carry
 * stays).
 */
public final class Namespacer {
  private Namespacer() {}

  public static void apply(ResourceSet set, String namespace, List<FieldSpec> specs) {
    if (namespace == null || namespace.isEmpty()) {
      return;
    }
    for (Resource r : set.list()) {
      var id = r.id();
      if (!id.clusterScoped()) {
        if (!namespace.equals(r.namespace())) {
          r.rememberId();
          r.setNamespace(namespace);
        }
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
  }
}

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
 * stays). A NamespaceTransformer configuration may also ask to fill only empty namespaces and
 * choose which role-binding subjects change.
 */
public final class Namespacer {
  /** Which role-binding subjects get the namespace ({@code setRoleBindingSubjects}). */
  public enum Subjects {
    DEFAULT_ONLY,
    ALL_SERVICE_ACCOUNTS,
    NONE
  }

  private Namespacer() {}

  public static void apply(ResourceSet set, String namespace, List<FieldSpec> specs) {
    apply(set, namespace, specs, false, Subjects.DEFAULT_ONLY);
  }

  public static void apply(
      ResourceSet set,
      String namespace,
      List<FieldSpec> specs,
      boolean unsetOnly,
      Subjects subjects) {
    if (namespace == null || namespace.isEmpty()) {
      return;
    }
    for (Resource r : set.list()) {
      var id = r.id();
      if (!id.clusterScoped() && !namespace.equals(r.namespace())) {
        if (!unsetOnly || r.namespace().isEmpty()) {
          r.rememberId();
          r.setNamespace(namespace);
        }
      }
      String kind = r.kind();
      if ((kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding"))
          && r.node().path("subjects").isArray()) {
        for (JsonNode subject : r.node().get("subjects")) {
          if (subject instanceof ObjectNode s && changes(s, subjects, unsetOnly)) {
            s.put("namespace", namespace);
          }
        }
      }
      for (FieldSpec fs : specs) {
        if (fs.selects(id)) {
          fs.walk(
              r.node(),
              (parent, field) -> {
                if (!unsetOnly || parent.path(field).asText("").isEmpty()) {
                  parent.put(field, namespace);
                }
              });
        }
      }
    }
  }

  private static boolean changes(ObjectNode subject, Subjects subjects, boolean unsetOnly) {
    if (unsetOnly && !subject.path("namespace").asText("").isEmpty()) {
      return false;
    }
    return switch (subjects) {
      case DEFAULT_ONLY -> "default".equals(subject.path("name").asText(null));
      case ALL_SERVICE_ACCOUNTS -> "ServiceAccount".equals(subject.path("kind").asText(null));
      case NONE -> false;
    };
  }
}

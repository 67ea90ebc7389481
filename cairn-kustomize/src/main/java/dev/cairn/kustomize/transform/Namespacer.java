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
 * kustomize, even a namespace they wrongly carry stays). A NamespaceTransformer configuration may
 * also ask to fill only empty namespaces and choose which role-binding subjects change.
 */
public final class Namespacer {
  /** Which role-binding subjects get the namespace ({@code setRoleBindingSubjects}). */
  public enum Subjects {
    DEFAULT_ONLY,
    ALL_SERVICE_ACCOUNTS,
    NONE
  }

  private Namespacer() {}

  public static void apply(ResourceSet set, String namespace, List<FieldSpec> specs, String file) {
    apply(set, namespace, specs, false, Subjects.DEFAULT_ONLY, file);
  }

  public static void apply(
      ResourceSet set,
      String namespace,
      List<FieldSpec> specs,
      boolean unsetOnly,
      Subjects subjects,
      String file) {
    if (namespace == null || namespace.isEmpty()) {
      return;
    }
    boolean moved = false;
    for (Resource r : set.list()) {
      var id = r.id();
      r.rememberId(); // kustomize records every object's id, moved or not
      if (!id.clusterScoped()) {
        if (!namespace.equals(r.namespace()) && (!unsetOnly || r.namespace().isEmpty())) {
          r.setNamespace(namespace);
          moved = true;
        }
      } else if (!unsetOnly
          && id.kind().equals("Namespace")
          && r.node().path("apiVersion").asText().equals("v1")
          && !namespace.equals(r.name())) {
        r.setName(namespace); // kustomize renames a core Namespace object to the namespace
        moved = true;
      }
      setSubjects(r, namespace, subjects, unsetOnly);
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
    if (moved) {
      checkConflicts(set, file);
    }
  }

  private static void setSubjects(
      Resource r, String namespace, Subjects subjects, boolean unsetOnly) {
    String kind = r.kind();
    if ((kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding"))
        && r.node().path("subjects").isArray()) {
      for (JsonNode subject : r.node().get("subjects")) {
        if (subject instanceof ObjectNode s && changes(s, subjects, unsetOnly)) {
          s.put("namespace", namespace);
        }
      }
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

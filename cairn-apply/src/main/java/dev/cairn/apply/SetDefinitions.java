package dev.cairn.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.manifest.GroupVersionKind;
import dev.cairn.manifest.KubeObject;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a set of objects defines for itself: the kinds its CustomResourceDefinitions introduce, with
 * their scope, and the Namespaces it creates. Objects that need these can only be validated once
 * the set's first stage is applied.
 *
 * @param namespacedByKind for each {@code Kind.group} a CRD of the set defines, whether it is
 *     namespaced
 * @param namespaces the names of the Namespaces in the set
 */
record SetDefinitions(Map<String, Boolean> namespacedByKind, Set<String> namespaces) {

  SetDefinitions {
    namespacedByKind = Map.copyOf(namespacedByKind);
    namespaces = Set.copyOf(namespaces);
  }

  static SetDefinitions of(Collection<KubeObject> objects) {
    Map<String, Boolean> namespacedByKind = new HashMap<>();
    Set<String> namespaces = new HashSet<>();
    for (KubeObject object : objects) {
      if (KindOrder.isCrd(object.gvk())) {
        JsonNode spec = object.node().path("spec");
        namespacedByKind.put(
            groupKind(spec.path("group").asText(), spec.path("names").path("kind").asText()),
            !"Cluster".equals(spec.path("scope").asText()));
      } else if (object.gvk().group().isEmpty() && "Namespace".equals(object.kind())) {
        namespaces.add(object.name());
      }
    }
    return new SetDefinitions(namespacedByKind, namespaces);
  }

  /** Whether the set's own CRD makes {@code gvk} namespaced; empty when no CRD of the set does. */
  Optional<Boolean> namespaced(GroupVersionKind gvk) {
    return Optional.ofNullable(namespacedByKind.get(groupKind(gvk.group(), gvk.kind())));
  }

  boolean createsNamespace(String name) {
    return namespaces.contains(name);
  }

  private static String groupKind(String group, String kind) {
    return kind + "." + group;
  }
}

package dev.cairn.kustomize.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kustomize.transform.FieldSpecTable.NameRef;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An object whose fields may name other objects, and what it may see: objects in its namespace,
 * cluster-scoped objects, and, for a RoleBinding, objects in the namespaces of its service-account
 * subjects (everything, when it is cluster-scoped itself).
 */
record NameReferrer(NameTarget self, Set<String> subjectNamespaces, RoleRef roleRef) {

  /** The group and kind a binding's roleRef names. */
  record RoleRef(String group, String kind) {}

  static NameReferrer of(NameTarget self) {
    JsonNode node = self.resource().node();
    Set<String> namespaces = Set.of();
    if (self.resource().kind().equals("RoleBinding") && node.path("subjects").isArray()) {
      namespaces = new HashSet<>();
      for (JsonNode s : node.get("subjects")) {
        if (s.path("namespace").isTextual() && s.path("kind").asText("").equals("ServiceAccount")) {
          namespaces.add(s.get("namespace").asText());
        }
      }
    }
    JsonNode roleRef = node.path("roleRef");
    RoleRef ref = null;
    if (roleRef.path("apiGroup").isValueNode() && roleRef.path("kind").isValueNode()) {
      ref = new RoleRef(roleRef.get("apiGroup").asText(), roleRef.get("kind").asText());
    }
    return new NameReferrer(self, namespaces, ref);
  }

  /** Whether the object is among those this referrer's references are resolved against. */
  boolean sees(NameTarget t) {
    return self.clusterScoped()
        || t.clusterScoped()
        || t.currentNamespace().equals(self.currentNamespace())
        || subjectNamespaces.contains(t.resource().namespace());
  }

  /** Kustomize's last namespace sieve: service accounts may live in any namespace. */
  boolean mayName(NameTarget t) {
    return self.clusterScoped()
        || t.clusterScoped()
        || t.resource().kind().equals("ServiceAccount")
        || t.currentNamespace().equals(self.currentNamespace());
  }

  /** The roleRef that narrows the kind, when {@code ref} updates {@code roleRef/name}. */
  RoleRef roleRefFor(NameRef ref) {
    List<String> path = ref.referrer().path();
    int n = path.size();
    if (n >= 2 && path.get(n - 1).equals("name") && path.get(n - 2).equals("roleRef")) {
      return roleRef;
    }
    return null;
  }

  /**
   * Kustomize's prefix/suffix tie-break: the recorded prefixes (and suffixes) of one end the
   * other's; with {@code allowEmpty}, an object without any matches everything.
   */
  boolean sameAffixes(NameTarget t, boolean allowEmpty) {
    return sameEnding(t.resource().prefixes(), self.resource().prefixes(), allowEmpty)
        && sameEnding(t.resource().suffixes(), self.resource().suffixes(), allowEmpty);
  }

  private static boolean sameEnding(List<String> a, List<String> b, boolean allowEmpty) {
    if (allowEmpty && (a.isEmpty() || b.isEmpty())) {
      return true;
    }
    List<String> shorter = a.size() <= b.size() ? a : b;
    List<String> longer = a.size() <= b.size() ? b : a;
    int diff = longer.size() - shorter.size();
    if (shorter.isEmpty()) {
      return diff == 0;
    }
    for (int i = shorter.size() - 1; i >= 0; i--) {
      if (!longer.get(i + diff).equals(shorter.get(i))) {
        return false;
      }
    }
    return true;
  }
}

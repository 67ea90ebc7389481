package dev.cairn.kustomize.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.engine.ResId;
import dev.cairn.kustomize.engine.Resource;
import dev.cairn.kustomize.engine.ResourceSet;
import dev.cairn.kustomize.transform.FieldSpecTable.NameRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixes back references after renames (prefix, suffix, hash): every field listed as a name
 * reference that holds the old name of an object of the referenced kind gets its current name (and,
 * for subjects and webhook services, its namespace).
 */
public final class NameReferences {
  /** What the selection needs of one object, computed once per fix. */
  private record Info(
      Resource resource, ResId id, String effectiveNamespace, boolean clusterScoped) {}

  private final Map<String, List<Info>> byKindAndAnyName = new HashMap<>();
  private final Map<String, List<Info>> byKindAnyNameAndNamespace = new HashMap<>();
  private final Map<Resource, Info> infos = new IdentityHashMap<>();

  private NameReferences(ResourceSet set) {
    for (Resource r : set.list()) {
      ResId id = r.id();
      Info info = new Info(r, id, id.effectiveNamespace(), id.clusterScoped());
      infos.put(r, info);
      index(id.kind(), id.name(), info);
      for (ResId prev : r.previousIds()) {
        index(prev.kind(), prev.name(), info);
      }
    }
  }

  private void index(String kind, String name, Info info) {
    add(byKindAndAnyName, kind + "/" + name, info);
    add(byKindAnyNameAndNamespace, kind + "/" + name + "/" + info.effectiveNamespace(), info);
  }

  private static void add(Map<String, List<Info>> map, String key, Info info) {
    List<Info> list = map.computeIfAbsent(key, k -> new ArrayList<>(2));
    if (list.isEmpty() || list.get(list.size() - 1) != info) {
      list.add(info);
    }
  }

  /**
   * The objects that may be meant: all of the kind and (old) name, or, when only the referrer's
   * namespace and cluster-scoped objects qualify, just those.
   */
  private List<Info> lookup(Info from, NameRef ref, String oldName, String nsHint) {
    String key = ref.kind() + "/" + oldName;
    if (nsHint != null || from.clusterScoped() || ref.kind().equals("ServiceAccount")) {
      return byKindAndAnyName.getOrDefault(key, List.of());
    }
    List<Info> same =
        byKindAnyNameAndNamespace.getOrDefault(key + "/" + from.effectiveNamespace(), List.of());
    List<Info> cluster = byKindAnyNameAndNamespace.getOrDefault(key + "/", List.of());
    if (cluster.isEmpty()) {
      return same;
    }
    List<Info> both = new ArrayList<>(same);
    both.addAll(cluster);
    return both;
  }

  public static void fix(ResourceSet set) {
    NameReferences refs = new NameReferences(set);
    TransformerConfig table = set.config();
    for (Resource referrer : set.list()) {
      ResId id = referrer.id();
      for (NameRef ref : table.nameRefsFor(id.kind())) {
        if (ref.referrer().selects(id)) {
          ref.referrer()
              .walk(referrer.node(), (parent, field) -> refs.update(referrer, ref, parent, field));
        }
      }
    }
  }

  private void update(Resource referrer, NameRef ref, ObjectNode parent, String field) {
    JsonNode value = parent.get(field);
    if (value == null) {
      return;
    }
    if (field.equals("name")
        && parent.has("kind")
        && parent.has("apiGroup")
        && !parent.path("kind").asText().equals(ref.kind())) {
      return; // roleRef naming another kind
    }
    if (value.isTextual()) {
      Resource target = select(referrer, ref, value.asText(), null);
      if (target != null) {
        parent.put(field, target.name());
      }
    } else if (value instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode element = array.get(i);
        if (element.isTextual()) {
          Resource target = select(referrer, ref, element.asText(), null);
          if (target != null) {
            array.set(i, TextNode.valueOf(target.name()));
          }
        } else if (element instanceof ObjectNode map
            && ref.kind().equals(map.path("kind").asText(null))) {
          updateMapping(referrer, ref, map);
        }
      }
    } else if (value instanceof ObjectNode map) {
      updateMapping(referrer, ref, map);
    }
  }

  private void updateMapping(Resource referrer, NameRef ref, ObjectNode map) {
    if (!map.path("name").isTextual()) {
      return;
    }
    String ns = map.path("namespace").isTextual() ? map.get("namespace").asText() : null;
    Resource target = select(referrer, ref, map.get("name").asText(), ns);
    if (target != null) {
      map.put("name", target.name());
      if (!target.namespace().isEmpty()) {
        map.put("namespace", target.namespace());
      }
    }
  }

  private Resource select(Resource referrer, NameRef ref, String oldName, String nsHint) {
    Info from = infos.get(referrer);
    List<Info> named = lookup(from, ref, oldName, nsHint);
    List<Resource> candidates = new ArrayList<>();
    for (Info c : named) {
      if (!kindMatches(c, ref) || !nameSeen(c, oldName)) {
        continue;
      }
      if (nsHint != null) {
        if (!namespaceSeen(c, nsHint)) {
          continue;
        }
      } else if (!from.clusterScoped()
          && !c.clusterScoped()
          && !c.id().kind().equals("ServiceAccount")
          && !from.effectiveNamespace().equals(c.effectiveNamespace())) {
        continue;
      }
      candidates.add(c.resource());
    }
    if (candidates.size() > 1) {
      candidates.removeIf(
          c ->
              !c.prefixes().equals(referrer.prefixes())
                  || !c.suffixes().equals(referrer.suffixes()));
    }
    if (candidates.isEmpty()) {
      return null;
    }
    Resource first = candidates.get(0);
    for (Resource c : candidates) {
      if (!c.name().equals(first.name())) {
        throw new KustomizeException(
            referrer.file(),
            0,
            "found multiple possible referrals for "
                + ref.kind()
                + " '"
                + oldName
                + "' in "
                + from.id()
                + ": "
                + first.id()
                + ", "
                + c.id());
      }
    }
    return first;
  }

  private static boolean nameSeen(Info c, String name) {
    if (c.id().name().equals(name)) {
      return true;
    }
    for (ResId prev : c.resource().previousIds()) {
      if (prev.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean namespaceSeen(Info c, String ns) {
    if (c.effectiveNamespace().equals(effective(ns))) {
      return true;
    }
    for (ResId prev : c.resource().previousIds()) {
      if (prev.effectiveNamespace().equals(effective(ns))) {
        return true;
      }
    }
    return false;
  }

  private static String effective(String ns) {
    return ns.isEmpty() ? "default" : ns;
  }

  private static boolean kindMatches(Info c, NameRef ref) {
    if (matches(c.id(), ref)) {
      return true;
    }
    for (ResId prev : c.resource().previousIds()) {
      if (matches(prev, ref)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(ResId id, NameRef ref) {
    return id.kind().equals(ref.kind())
        && (ref.group().isEmpty() || ref.group().equals(id.group()))
        && (ref.version().isEmpty() || ref.version().equals(id.version()));
  }
}

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
 * Fixes back references after renames (prefix, suffix, hash, namespace), choosing the referred
 * object the way kustomize v5.5.0 does: among the objects the referrer can see (its namespace,
 * cluster-scoped objects, and for a RoleBinding the namespaces of its service-account subjects),
 * those once named and once of the referenced kind; a reference that names a namespace looks first
 * among objects originally in that namespace, then among those now in it. A field is rewritten only
 * when exactly one object (or several identical ones) remains.
 */
public final class NameReferences {
  private final Map<String, List<NameTarget>> byPreviousKindAndName = new HashMap<>();
  private final Map<String, List<NameTarget>> byOriginalNamespace = new HashMap<>();
  private final Map<Resource, NameTarget> targets = new IdentityHashMap<>();

  private NameReferences(ResourceSet set) {
    for (Resource r : set.list()) {
      NameTarget t = NameTarget.of(r);
      targets.put(r, t);
      if (!t.originalNamespace().isEmpty()) {
        byOriginalNamespace.computeIfAbsent(t.originalNamespace(), k -> new ArrayList<>()).add(t);
      }
      for (ResId prev : r.previousIds()) {
        List<NameTarget> list =
            byPreviousKindAndName.computeIfAbsent(
                prev.kind() + "/" + prev.name(), k -> new ArrayList<>(2));
        if (list.isEmpty() || list.get(list.size() - 1) != t) {
          list.add(t);
        }
      }
    }
  }

  public static void fix(ResourceSet set) {
    if (set.list().stream().allMatch(r -> r.previousIds().isEmpty())) {
      return; // nothing was renamed
    }
    NameReferences refs = new NameReferences(set);
    TransformerConfig table = set.config();
    for (Resource resource : set.list()) {
      NameReferrer referrer = null;
      ResId original = resource.originalId();
      for (NameRef ref : table.nameRefsFor(original.kind())) {
        if (ref.referrer().selects(original)) {
          if (referrer == null) {
            referrer = NameReferrer.of(refs.targets.get(resource));
          }
          NameReferrer from = referrer;
          ref.referrer()
              .walk(resource.node(), (parent, field) -> refs.update(from, ref, parent, field));
        }
      }
    }
  }

  private void update(NameReferrer from, NameRef ref, ObjectNode parent, String field) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    if (value.isTextual()) {
      NameTarget target =
          select(from, ref, value.asText(), candidates(from, ref, value.asText()), false);
      if (target != null) {
        parent.put(field, target.resource().name());
      }
    } else if (value instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode element = array.get(i);
        if (element.isTextual()) {
          String old = element.asText();
          NameTarget target = select(from, ref, old, candidates(from, ref, old), false);
          if (target != null) {
            array.set(i, TextNode.valueOf(target.resource().name()));
          }
        } else if (element instanceof ObjectNode map) {
          updateMapping(from, ref, map);
        }
      }
    } else if (value instanceof ObjectNode map) {
      updateMapping(from, ref, map);
    }
  }

  private void updateMapping(NameReferrer from, NameRef ref, ObjectNode map) {
    if (!map.path("name").isTextual()) {
      return;
    }
    String oldName = map.get("name").asText();
    List<NameTarget> named = candidates(from, ref, oldName);
    JsonNode ns = map.get("namespace");
    if (ns != null && !ns.isNull()) {
      named = inNamespace(from, named, ns.asText());
    }
    NameTarget target = select(from, ref, oldName, named, true);
    if (target == null) {
      return;
    }
    Resource r = target.resource();
    if (r.name().equals(oldName) && r.namespace().isEmpty()) {
      return;
    }
    map.put("name", r.name());
    if (!r.namespace().isEmpty()) {
      map.put("namespace", r.namespace());
    }
  }

  /** Objects once named {@code oldName} and once of the referenced kind that the referrer sees. */
  private List<NameTarget> candidates(NameReferrer from, NameRef ref, String oldName) {
    List<NameTarget> named =
        byPreviousKindAndName.getOrDefault(ref.kind() + "/" + oldName, List.of());
    List<NameTarget> out = new ArrayList<>(named.size());
    for (NameTarget t : named) {
      if (from.sees(t)
          && t.hadName(oldName)
          && t.wasOnceKind(ref.group(), ref.version(), ref.kind())) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Kustomize groups the visible objects by original namespace and takes the named namespace's
   * group if there is one, else the objects now in that namespace.
   */
  private List<NameTarget> inNamespace(NameReferrer from, List<NameTarget> named, String ns) {
    boolean original = false;
    for (NameTarget t : byOriginalNamespace.getOrDefault(ns, List.of())) {
      if (from.sees(t)) {
        original = true;
        break;
      }
    }
    List<NameTarget> out = new ArrayList<>(named.size());
    for (NameTarget t : named) {
      String where = original ? t.originalNamespace() : t.currentNamespace();
      if (where.equals(ns)) {
        out.add(t);
      }
    }
    return out;
  }

  private NameTarget select(
      NameReferrer from, NameRef ref, String oldName, List<NameTarget> found, boolean byNamespace) {
    List<NameTarget> candidates = new ArrayList<>(found.size());
    NameReferrer.RoleRef roleRef = from.roleRefFor(ref);
    for (NameTarget t : found) {
      if ((roleRef == null || t.wasOnceKind(roleRef.group(), "", roleRef.kind()))
          && from.mayName(t)) {
        candidates.add(t);
      }
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    candidates.removeIf(t -> !from.sameAffixes(t, true));
    if (candidates.size() > 1) {
      candidates.removeIf(t -> !from.sameAffixes(t, false));
    }
    if (candidates.isEmpty()) {
      return null;
    }
    NameTarget first = candidates.get(0);
    for (NameTarget c : candidates) {
      if (!c.resource().name().equals(first.resource().name())
          || (byNamespace && !c.resource().namespace().equals(first.resource().namespace()))) {
        throw new KustomizeException(
            from.self().resource().file(),
            0,
            "found multiple possible referrals for "
                + ref.kind()
                + " '"
                + oldName
                + "' in "
                + from.self().id()
                + ": "
                + first.id()
                + ", "
                + c.id());
      }
    }
    return first;
  }
}

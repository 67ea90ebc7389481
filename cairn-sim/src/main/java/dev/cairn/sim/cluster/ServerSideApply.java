package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.sim.cluster.FieldPaths.Scope;
import dev.cairn.sim.cluster.ManagedFields.Entry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Server-side apply of one applied configuration onto the live object (or onto nothing, which
 * creates it): conflict detection against other managers, merge, removal of fields this manager
 * applied before and no longer applies, and the manager's Apply entry in managedFields.
 */
final class ServerSideApply {
  private static final Set<String> APPLIED_METADATA =
      Set.of("name", "namespace", "labels", "annotations", "ownerReferences", "finalizers");

  /** Top-level fields a typed object always serializes, even empty. */
  private static final Set<String> KEPT_TOP_LEVEL = Set.of("f:metadata", "f:spec", "f:status");

  private final ResourceType type;

  ServerSideApply(ResourceType type) {
    this.type = type;
  }

  /**
   * Returns the object the apply produces (not yet stored). {@code base} is the live object or a
   * skeleton for a create; it is not modified.
   */
  ObjectNode apply(
      ObjectNode base,
      ObjectNode appliedConfig,
      String manager,
      boolean force,
      String subresource) {
    Scope scope = "status".equals(subresource) ? Scope.STATUS : Scope.MAIN;
    ObjectNode applied = trimmed(appliedConfig, scope);
    Map<List<String>, JsonNode> wanted = FieldPaths.flatten(applied, type, scope);
    Map<List<String>, JsonNode> live = FieldPaths.flatten(base, type, scope);
    List<Entry> entries = ManagedFields.read(base);
    Entry mine = ManagedFields.find(entries, manager, ManagedFields.APPLY, subresource);

    Map<Entry, List<List<String>>> conflicts = new LinkedHashMap<>();
    for (Entry other : entries) {
      if (other == mine || other.scope() != scope) {
        continue;
      }
      for (List<String> path : other.fields) {
        JsonNode value = wanted.get(path);
        if (value != null && value != FieldPaths.PRESENT && !value.equals(live.get(path))) {
          conflicts.computeIfAbsent(other, e -> new ArrayList<>()).add(path);
        }
      }
    }
    if (!conflicts.isEmpty()) {
      if (!force) {
        throw conflict(conflicts);
      }
      conflicts.forEach(
          (other, paths) -> {
            paths.forEach(other.fields::remove);
            other.touched = true;
          });
    }

    ObjectNode result = base.deepCopy();
    new ObjectMerge(type).structural(result, applied, false);

    Set<List<String>> previous = mine == null ? Set.of() : mine.fields;
    Set<List<String>> ownedByOthers = new HashSet<>();
    entries.stream()
        .filter(e -> e != mine && e.scope() == scope)
        .forEach(e -> ownedByOthers.addAll(e.fields));
    List<List<String>> dropped =
        previous.stream()
            .filter(p -> !wanted.containsKey(p))
            .sorted(Comparator.comparingInt((List<String> p) -> p.size()).reversed())
            .collect(Collectors.toList());
    Set<List<String>> newFields = appliedSet(wanted.keySet());
    for (List<String> path : dropped) {
      if (!ownedByOthers.contains(path) && !ownsBelow(ownedByOthers, path)) {
        FieldPaths.remove(result, path);
        removeEmptied(result, path, ownedByOthers, newFields);
      }
    }

    Entry entry = mine;
    if (entry == null) {
      entry = new Entry(manager, ManagedFields.APPLY, subresource, type.apiVersion());
      entries.add(entry);
    }
    entry.touched |= !newFields.equals(entry.fields) || !type.apiVersion().equals(entry.apiVersion);
    entry.fields = newFields;
    entry.apiVersion = type.apiVersion();
    Set<List<String>> present = FieldPaths.flatten(result, type, scope).keySet();
    for (Entry other : entries) {
      if (other != entry && other.scope() == scope) {
        int size = other.fields.size();
        other.fields.retainAll(present);
        other.touched |= other.fields.size() != size;
      }
    }
    ManagedFields.write(result, entries);
    return result;
  }

  /**
   * The field set an apply records, as structured-merge-diff's {@code ToFieldSet} computes it from
   * the applied configuration: leaves, list items (with their {@code .}) and set values, but no
   * {@code .} for a map or a set itself (an Update records those, an Apply does not).
   */
  private static Set<List<String>> appliedSet(Set<List<String>> paths) {
    Set<List<String>> out = new LinkedHashSet<>();
    for (List<String> path : paths) {
      int n = path.size();
      boolean containerItself =
          n >= 2 && path.get(n - 1).equals(".") && path.get(n - 2).startsWith("f:");
      if (!containerItself) {
        out.add(path);
      }
    }
    return out;
  }

  /**
   * After a pruned field is removed, removes the maps and lists it leaves empty, up the path, as
   * structured-merge-diff's removal does (an emptied map is not kept), unless someone owns them.
   */
  private static void removeEmptied(
      ObjectNode result, List<String> removed, Set<List<String>> others, Set<List<String>> mine) {
    List<String> parent = removed.subList(0, removed.size() - 1);
    if (removed.get(removed.size() - 1).equals(".") && !parent.isEmpty()) {
      parent = parent.subList(0, parent.size() - 1);
    }
    while (!parent.isEmpty() && !(parent.size() == 1 && KEPT_TOP_LEVEL.contains(parent.get(0)))) {
      JsonNode node = FieldPaths.navigate(result, parent);
      boolean owned = others.contains(parent) || mine.contains(parent);
      if (node == null || !node.isContainerNode() || node.size() > 0 || owned) {
        return;
      }
      FieldPaths.remove(result, parent);
      parent = parent.subList(0, parent.size() - 1);
    }
  }

  /** A {@code .} path (a map or list item) stays while someone else owns something inside it. */
  private static boolean ownsBelow(Set<List<String>> owned, List<String> path) {
    if (!path.get(path.size() - 1).equals(".")) {
      return false;
    }
    List<String> parent = path.subList(0, path.size() - 1);
    for (List<String> other : owned) {
      if (other.size() > parent.size() && other.subList(0, parent.size()).equals(parent)) {
        return true;
      }
    }
    return false;
  }

  /** The part of the applied configuration that this endpoint applies. */
  private ObjectNode trimmed(ObjectNode applied, Scope scope) {
    ObjectNode copy = applied.deepCopy();
    JsonNode metadata = copy.path("metadata");
    if (metadata.isObject()) {
      List<String> drop = new ArrayList<>();
      metadata
          .fieldNames()
          .forEachRemaining(
              n -> {
                if (!APPLIED_METADATA.contains(n)) {
                  drop.add(n);
                }
              });
      ((ObjectNode) metadata).remove(drop);
    }
    if (scope == Scope.STATUS) {
      List<String> drop = new ArrayList<>();
      copy.fieldNames()
          .forEachRemaining(
              n -> {
                if (!n.equals("status") && !n.equals("apiVersion") && !n.equals("kind")) {
                  drop.add(n);
                }
              });
      copy.remove(drop);
    } else if (type.statusSubresource()) {
      copy.remove("status");
    }
    return copy;
  }

  private ApiException conflict(Map<Entry, List<List<String>>> conflicts) {
    int count = conflicts.values().stream().mapToInt(List::size).sum();
    StringBuilder message =
        new StringBuilder("Apply failed with ")
            .append(count)
            .append(count == 1 ? " conflict: " : " conflicts: ");
    List<ApiException.Cause> causes = new ArrayList<>();
    boolean first = true;
    for (Map.Entry<Entry, List<List<String>>> e : conflicts.entrySet()) {
      Entry other = e.getKey();
      String withText = "conflict with \"" + other.manager + "\"";
      if (ManagedFields.UPDATE.equals(other.operation) && other.subresource != null) {
        withText += " with subresource \"" + other.subresource + "\"";
      }
      withText += " using " + other.apiVersion;
      String with = withText;
      if (!first) {
        message.append('\n');
      }
      first = false;
      if (e.getValue().size() == 1 && conflicts.size() == 1) {
        message.append(with).append(": ").append(FieldPaths.display(e.getValue().get(0)));
      } else {
        message.append(with.replaceFirst("^conflict", "conflicts")).append(':');
        e.getValue().forEach(p -> message.append("\n- ").append(FieldPaths.display(p)));
      }
      e.getValue()
          .forEach(
              p ->
                  causes.add(
                      new ApiException.Cause("FieldManagerConflict", with, FieldPaths.display(p))));
    }
    return new ApiException(409, "Conflict", message.toString(), causes);
  }
}

package dev.cairn.engine.argo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.argo.ResourceIgnoreDifferences;
import dev.cairn.apply.DiffNormalizer;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An Application's {@code ignoreDifferences}, matched as Argo CD matches them: {@code group} and
 * {@code kind} are globs ({@code ""} is the core group), {@code name} and {@code namespace} match
 * exactly when set. A matching entry's {@code jsonPointers} and {@code jqPathExpressions} select
 * fields in each state of the object, its {@code managedFieldsManagers} the fields those managers
 * own in the live object.
 */
final class IgnoreRules {
  private final List<ResourceIgnoreDifferences> entries;

  IgnoreRules(List<ResourceIgnoreDifferences> entries) {
    this.entries = entries == null ? List.of() : List.copyOf(entries);
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Checks every pointer and jq expression.
   *
   * @throws IllegalArgumentException naming the entry and what is wrong
   */
  void check() {
    for (int i = 0; i < entries.size(); i++) {
      ResourceIgnoreDifferences entry = entries.get(i);
      String where = "spec.ignoreDifferences[" + i + "]: ";
      if (entry.kind() == null || entry.kind().isEmpty()) {
        throw new IllegalArgumentException(where + "kind must be set");
      }
      try {
        list(entry.jsonPointers()).forEach(IgnoredPath::ofPointer);
        list(entry.jqPathExpressions()).forEach(JqPaths::check);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + e.getMessage(), e);
      }
    }
  }

  /** The entries that apply to {@code id}. */
  List<ResourceIgnoreDifferences> matching(ObjectId id) {
    return entries.stream()
        .filter(e -> ArgoGlob.matches(e.group() == null ? "" : e.group(), id.group()))
        .filter(e -> ArgoGlob.matches(e.kind(), id.kind()))
        .filter(e -> e.name() == null || e.name().isEmpty() || e.name().equals(id.name()))
        .filter(
            e ->
                e.namespace() == null
                    || e.namespace().isEmpty()
                    || e.namespace().equals(id.namespace()))
        .toList();
  }

  /**
   * The ignored fields of {@code state}: its pointers and jq selections, and the fields the named
   * managers own in {@code live} (which may be null).
   */
  List<IgnoredPath> paths(ObjectId id, JsonNode state, JsonNode live) {
    List<IgnoredPath> paths = new ArrayList<>();
    for (ResourceIgnoreDifferences entry : matching(id)) {
      list(entry.jsonPointers()).forEach(p -> paths.add(IgnoredPath.ofPointer(p)));
      list(entry.jqPathExpressions()).forEach(q -> paths.addAll(JqPaths.select(q, state)));
      if (live != null && !list(entry.managedFieldsManagers()).isEmpty()) {
        paths.addAll(ManagedFieldPaths.ownedBy(live, entry.managedFieldsManagers()));
      }
    }
    return paths;
  }

  /** Removes the ignored fields from both states before they are compared. */
  DiffNormalizer normalizer() {
    return (live, before, after) -> {
      JsonNode liveNode = live == null ? null : live.node();
      ObjectId id = KubeObject.of(after).id();
      if (before != null) {
        removeAll(before, paths(id, before, liveNode));
      }
      removeAll(after, paths(id, after, liveNode));
    };
  }

  /** Removes {@code paths} from {@code node}, later list items first so indexes stay right. */
  static void removeAll(ObjectNode node, List<IgnoredPath> paths) {
    List<List<String>> concrete = new ArrayList<>();
    for (IgnoredPath path : paths) {
      Optional<List<String>> segments = path.concrete(node);
      segments.filter(s -> !concrete.contains(s)).ifPresent(concrete::add);
    }
    concrete.sort(IgnoreRules::compareDescending);
    for (List<String> segments : concrete) {
      new IgnoredPath(
              segments.stream().map(s -> (IgnoredPath.Step) new IgnoredPath.Segment(s)).toList())
          .remove(node);
    }
  }

  private static int compareDescending(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = segmentOrder().compare(a.get(i), b.get(i));
      if (c != 0) {
        return -c;
      }
    }
    // A deeper path first, so a child goes before its parent.
    return Integer.compare(b.size(), a.size());
  }

  private static Comparator<String> segmentOrder() {
    return (x, y) -> {
      boolean numbers =
          x.chars().allMatch(Character::isDigit)
              && y.chars().allMatch(Character::isDigit)
              && !x.isEmpty()
              && !y.isEmpty();
      return numbers ? Integer.compare(Integer.parseInt(x), Integer.parseInt(y)) : x.compareTo(y);
    };
  }

  private static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values;
  }
}

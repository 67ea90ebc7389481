package dev.cairn.apply;

import dev.cairn.manifest.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What an apply, prune or recreate did, one entry per object in the order the work was done. The
 * one type logs, events, inventory and prune consume.
 */
public record ChangeSet(List<ChangeSetEntry> entries) {

  public ChangeSet {
    entries = List.copyOf(entries);
  }

  public static ChangeSet empty() {
    return new ChangeSet(List.of());
  }

  public ChangeSet plus(ChangeSet other) {
    List<ChangeSetEntry> all = new ArrayList<>(entries);
    all.addAll(other.entries);
    return new ChangeSet(all);
  }

  /** The last entry recorded for {@code id}. */
  public Optional<ChangeSetEntry> find(ObjectId id) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (sameObject(entries.get(i).id(), id)) {
        return Optional.of(entries.get(i));
      }
    }
    return Optional.empty();
  }

  /** The last action recorded for {@code id}, empty when the object is not in this set. */
  public Optional<Action> actionOf(ObjectId id) {
    return find(id).map(ChangeSetEntry::action);
  }

  public List<ChangeSetEntry> failures() {
    return entries.stream().filter(ChangeSetEntry::failed).toList();
  }

  public boolean hasFailures() {
    return entries.stream().anyMatch(ChangeSetEntry::failed);
  }

  /** Whether anything was created, configured or deleted. */
  public boolean hasChanges() {
    return entries.stream()
        .anyMatch(
            e ->
                e.action() == Action.CREATED
                    || e.action() == Action.CONFIGURED
                    || e.action() == Action.DELETED);
  }

  /** Entries with this action. */
  public List<ChangeSetEntry> withAction(Action action) {
    return entries.stream().filter(e -> e.action() == action).toList();
  }

  /** Counts per action, e.g. {@code {CREATED=2, UNCHANGED=5}}. */
  public Map<Action, Long> summary() {
    return entries.stream()
        .collect(
            Collectors.groupingBy(ChangeSetEntry::action, TreeMap::new, Collectors.counting()));
  }

  /** Compares identities without the version: {@code apps/v1} and {@code apps/v1beta1} match. */
  static boolean sameObject(ObjectId a, ObjectId b) {
    return java.util.Objects.equals(emptyToNull(a.group()), emptyToNull(b.group()))
        && java.util.Objects.equals(a.kind(), b.kind())
        && java.util.Objects.equals(emptyToNull(a.namespace()), emptyToNull(b.namespace()))
        && java.util.Objects.equals(a.name(), b.name());
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  @Override
  public String toString() {
    return entries.stream().map(ChangeSetEntry::toString).collect(Collectors.joining("\n"));
  }
}

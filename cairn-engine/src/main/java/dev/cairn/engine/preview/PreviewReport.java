package dev.cairn.engine.preview;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The result of {@code cairn preview}: per top-level object, what would change between the two
 * revisions.
 *
 * @param from the old revision as asked and its commit
 * @param to the new revision as asked and its commit
 * @param root the top-level object the preview started from
 */
public record PreviewReport(
    String from,
    String fromCommit,
    String to,
    String toCommit,
    TopLevel root,
    List<OwnerPreview> owners) {

  public PreviewReport {
    owners = List.copyOf(owners);
  }

  /** True when some object would be added, changed or removed. */
  public boolean hasChanges() {
    return owners.stream().anyMatch(o -> !o.changes().isEmpty());
  }

  /** True when something failed to render at the new revision. */
  public boolean hasErrors() {
    return owners.stream().anyMatch(o -> o.toError() != null);
  }

  /** Every unknown variable at the new revision. */
  public Set<String> unknownVariables() {
    Set<String> all = new TreeSet<>();
    owners.forEach(o -> all.addAll(o.unknownVariables()));
    return all;
  }
}

package dev.cairn.engine.preview;

import java.util.List;
import java.util.Set;

/**
 * What changes under one top-level object.
 *
 * @param owner the Kustomization or HelmRelease
 * @param changes the objects added, changed or removed, in a stable order
 * @param unchanged how many rendered objects are the same at both revisions
 * @param notes what a reader should know (from the new revision, else the old one)
 * @param fromError why it failed to render at the old revision, or null
 * @param toError why it failed to render at the new revision, or null
 * @param previewed false when it was deliberately not rendered
 * @param unknownVariables substitution variables nothing sets at the new revision
 */
public record OwnerPreview(
    TopLevel owner,
    List<ObjectChange> changes,
    int unchanged,
    List<String> notes,
    String fromError,
    String toError,
    boolean previewed,
    Set<String> unknownVariables) {

  public OwnerPreview {
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
    unknownVariables = Set.copyOf(unknownVariables);
  }

  public long count(ObjectChange.Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }
}

package dev.cairn.engine.preview;

import dev.cairn.manifest.KubeObject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one top-level object rendered to at one revision.
 *
 * @param objects the rendered objects (empty when failed or not previewed)
 * @param notes what a reader should know: sources not in the repository, variables taken from the
 *     variables file, why it was not previewed
 * @param error why it could not be rendered, or null
 * @param previewed false when the object was deliberately not rendered (an external source)
 * @param unknownVariables substitution variables that no source in the repository or the variables
 *     file sets (names only)
 */
public record Expansion(
    List<KubeObject> objects,
    List<String> notes,
    String error,
    boolean previewed,
    Set<String> unknownVariables) {

  public Expansion {
    objects = List.copyOf(objects);
    notes = List.copyOf(notes);
    unknownVariables = Set.copyOf(new TreeSet<>(unknownVariables));
  }

  public static Expansion rendered(
      List<KubeObject> objects, List<String> notes, Set<String> unknownVariables) {
    return new Expansion(objects, notes, null, true, unknownVariables);
  }

  public static Expansion failed(String error, List<String> notes) {
    return new Expansion(List.of(), notes, error, true, Set.of());
  }

  public static Expansion notPreviewed(String why) {
    return new Expansion(List.of(), List.of("not previewed: " + why), null, false, Set.of());
  }

  public boolean failed() {
    return error != null;
  }
}

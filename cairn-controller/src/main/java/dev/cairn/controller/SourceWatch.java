package dev.cairn.controller;

import dev.cairn.api.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * "Objects of kind P use sources of kind R": when a source's revision changes, every P that refers
 * to it is reconciled at once. Kustomization←GitRepository today; HelmRelease←HelmChart and
 * HelmChart←HelmRepository/GitRepository are declared the same way.
 *
 * @param sourceClass the source kind watched
 * @param revision the source's current revision (null while it has none)
 * @param references the sources an object refers to, namespaces already defaulted; references to
 *     other kinds are ignored
 */
public record SourceWatch<P extends HasMetadata, R extends HasMetadata>(
    Class<R> sourceClass, Function<R, String> revision, Function<P, List<ObjectRef>> references) {

  public SourceWatch {
    Objects.requireNonNull(sourceClass, "sourceClass");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(references, "references");
  }

  /** The index key of a source: {@code namespace/name}. */
  static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** The index keys of the sources of this kind that {@code object} refers to. */
  List<String> keysOf(P object) {
    String kind = HasMetadata.getKind(sourceClass);
    List<ObjectRef> refs = references.apply(object);
    if (refs == null) {
      return List.of();
    }
    return refs.stream()
        .filter(ref -> ref != null && kind.equals(ref.kind()))
        .map(ref -> key(ref.namespace(), ref.name()))
        .toList();
  }

  /** True when {@code after} has a revision that {@code before} did not have. */
  boolean revisionChanged(R after, R before) {
    String now = revision.apply(after);
    return now != null && !now.equals(before == null ? null : revision.apply(before));
  }
}

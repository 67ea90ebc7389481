package dev.cairn.apply;

import dev.cairn.manifest.GroupVersionKind;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port through which the apply engine talks to a cluster. Every method may throw {@link
 * ClusterException} carrying the server's code and reason. Implementations are thread-safe.
 */
public interface ClusterClient {

  /** The live object, empty when it does not exist (or its kind is not served). */
  Optional<KubeObject> get(ObjectId id);

  /**
   * The live object as the API server holds it now, never from a cache: what a delete is decided
   * on, since a cached copy may miss a label or annotation that forbids it.
   */
  default Optional<KubeObject> read(ObjectId id) {
    return get(id);
  }

  /**
   * True when a current watch shows that no object Cairn labels exists at {@code id} and this
   * process has no write of it in flight, so a read would most likely find nothing; false when
   * unsure. An object without Cairn's labels is never in those watches, so a caller acting on
   * absence confirms it from what the server answers next (a dry-run's resourceVersion).
   */
  default boolean knownAbsent(ObjectId id) {
    return false;
  }

  /**
   * Objects of a kind with all the given labels, in {@code namespace} or in all namespaces when
   * {@code namespace} is null.
   */
  List<KubeObject> list(GroupVersionKind gvk, String namespace, Map<String, String> labels);

  /** Server-side apply with {@code dryRun=All}: the object the apply would produce. */
  KubeObject dryRunApply(KubeObject object, String fieldManager, boolean forceConflicts);

  /** Server-side apply: the object as stored. */
  KubeObject apply(KubeObject object, String fieldManager, boolean forceConflicts);

  /**
   * Deletes with background propagation; false when the object did not exist. The object may linger
   * while finalizers run.
   */
  boolean delete(ObjectId id);

  /**
   * Deletes with {@code propagation}; false when the object did not exist. Clients that only know
   * background propagation refuse the others.
   */
  default boolean delete(ObjectId id, DeletePropagation propagation) {
    if (propagation == DeletePropagation.BACKGROUND) {
      return delete(id);
    }
    throw new ClusterException(
        0, "Unsupported", id + ": deletion with " + propagation.policy() + " propagation");
  }

  /**
   * Whether the kind is namespaced, from discovery; empty when the server does not serve it (yet).
   */
  Optional<Boolean> namespaced(GroupVersionKind gvk);

  /** Whether the server serves the kind. */
  default boolean serves(GroupVersionKind gvk) {
    return namespaced(gvk).isPresent();
  }
}

package dev.cairn.engine;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Optional;

/**
 * A reconciler of one kind, as the controller runtime drives it: read the object, run the steps,
 * patch the status once, say when to run again.
 *
 * @param <T> the custom resource class
 * @param <S> its status class
 */
public interface KindReconciler<T extends HasMetadata, S> extends AutoCloseable {

  /**
   * The finalizer of the kinds that clean up when deleted (see {@link #finalizes()});
   * domain-qualified, as Kubernetes recommends and the Operator SDK requires.
   */
  String FINALIZER = "cairn.dev/finalizer";

  /** The custom resource class this reconciler handles. */
  Class<T> resourceClass();

  /** Reads the object, reconciles it and patches its status; empty when it is gone. */
  Optional<ReconcileResult<S>> reconcile(String namespace, String name, Trigger trigger);

  /**
   * True when the reconciler keeps {@link #FINALIZER} on its objects and, for an object being
   * deleted, cleans up and removes it in {@link #reconcile}; the runtime must then call it for
   * deleted objects too.
   */
  default boolean finalizes() {
    return false;
  }

  /**
   * Releases what the reconciler holds (threads, unpacked artifacts); the default holds nothing.
   */
  @Override
  default void close() {}
}

package dev.cairn.engine;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Optional;

/**
 * A reconciler of one kind, as the controller runtime drives it: run the steps on the object the
 * controller has, patch the status once, say how the run ended and when to run again.
 *
 * @param <T> the custom resource class
 * @param <S> its status class
 */
public interface KindReconciler<T extends HasMetadata, S> extends AutoCloseable {

  /**
   * The finalizer of the kinds that clean up when deleted (see {@link #finalizes()});
   * domain-qualified, as Kubernetes recommends. The engine alone adds and removes it.
   */
  String FINALIZER = "cairn.dev/finalizer";

  /** The custom resource class this reconciler handles. */
  Class<T> resourceClass();

  /**
   * Reconciles {@code object} as the caller has it (not read again) and patches its status; an
   * object being deleted is cleaned up and released.
   */
  ReconcileResult<S> reconcile(T object, Trigger trigger);

  /** Reads the object first, then {@link #reconcile(HasMetadata, Trigger)}; empty when gone. */
  Optional<ReconcileResult<S>> reconcile(String namespace, String name, Trigger trigger);

  /**
   * True when the reconciler keeps {@link #FINALIZER} on its objects and cleans up deleted ones;
   * the runtime must then hand it deleted objects too.
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

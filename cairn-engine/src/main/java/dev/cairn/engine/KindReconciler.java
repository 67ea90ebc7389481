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
public interface KindReconciler<T extends HasMetadata, S> {

  /** The custom resource class this reconciler handles. */
  Class<T> resourceClass();

  /** Reads the object, reconciles it and patches its status; empty when it is gone. */
  Optional<ReconcileResult<S>> reconcile(String namespace, String name, Trigger trigger);
}

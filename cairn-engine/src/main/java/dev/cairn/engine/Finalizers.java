package dev.cairn.engine;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds and removes {@link KindReconciler#FINALIZER}: the engine is its only owner (the controller
 * runtime never adds or removes it).
 */
final class Finalizers<T extends HasMetadata> {
  private final KubernetesClient client;
  private final Class<T> kind;

  Finalizers(KubernetesClient client, Class<T> kind) {
    this.client = client;
    this.kind = kind;
  }

  /** Adds the finalizer; returns the object as the API server now has it. */
  T add(T object) {
    return client
        .resources(kind)
        .inNamespace(object.getMetadata().getNamespace())
        .resource(object)
        .edit(base -> with(base, true));
  }

  /** Removes the finalizer; an object already gone is fine. */
  void remove(T object) {
    try {
      client
          .resources(kind)
          .inNamespace(object.getMetadata().getNamespace())
          .resource(object)
          .edit(base -> with(base, false));
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  private static <T extends HasMetadata> T with(T object, boolean present) {
    List<String> list =
        object.getMetadata().getFinalizers() == null
            ? new ArrayList<>()
            : new ArrayList<>(object.getMetadata().getFinalizers());
    list.remove(KindReconciler.FINALIZER);
    if (present) {
      list.add(KindReconciler.FINALIZER);
    }
    object.getMetadata().setFinalizers(list);
    return object;
  }
}

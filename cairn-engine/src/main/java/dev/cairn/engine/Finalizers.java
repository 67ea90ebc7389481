package dev.cairn.engine;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds and removes {@link KindReconciler#FINALIZER}: the engine is its only owner (the controller
 * runtime never adds or removes it).
 *
 * <p>One request each: a JSON merge patch of {@code metadata.finalizers} built from the object the
 * reconciler holds, carrying that object's {@code metadata.resourceVersion}, which the API server
 * takes as a precondition (a mismatch is 409 Conflict). A merge patch replaces the whole list, so
 * the precondition is what keeps another writer's finalizer: on a conflict the change is made again
 * on the object as the API server has it now (read, then patched).
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
    return change(object, true);
  }

  /** Removes the finalizer; an object already gone is fine. */
  void remove(T object) {
    try {
      change(object, false);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  private T change(T object, boolean present) {
    try {
      return client
          .resources(kind)
          .inNamespace(object.getMetadata().getNamespace())
          .resource(object)
          .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch(object, present));
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      return client
          .resources(kind)
          .inNamespace(object.getMetadata().getNamespace())
          .withName(object.getMetadata().getName())
          .edit(live -> with(live, present));
    }
  }

  private String mergePatch(T object, boolean present) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    String resourceVersion = object.getMetadata().getResourceVersion();
    if (resourceVersion != null) {
      metadata.put("resourceVersion", resourceVersion);
    }
    metadata.put("finalizers", finalizers(object, present));
    return client.getKubernetesSerialization().asJson(Map.of("metadata", metadata));
  }

  private static <T extends HasMetadata> T with(T object, boolean present) {
    object.getMetadata().setFinalizers(finalizers(object, present));
    return object;
  }

  private static List<String> finalizers(HasMetadata object, boolean present) {
    List<String> list =
        object.getMetadata().getFinalizers() == null
            ? new ArrayList<>()
            : new ArrayList<>(object.getMetadata().getFinalizers());
    list.remove(KindReconciler.FINALIZER);
    if (present) {
      list.add(KindReconciler.FINALIZER);
    }
    return list;
  }
}

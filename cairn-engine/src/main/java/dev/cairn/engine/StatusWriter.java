package dev.cairn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.ReconcileStatus;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Patches the status subresource of a Cairn object. Only {@code status} is sent, as a JSON patch
 * against the object the run started from (no read first), so a spec change made during the run is
 * never overwritten. An object deleted meanwhile is not an error.
 */
public final class StatusWriter {
  private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);
  private static final int CONFLICT_ATTEMPTS = 3;

  private final KubernetesClient client;

  public StatusWriter(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Writes {@code status} onto {@code object}. A status equal to the object's is not sent: a steady
   * state costs no write.
   *
   * @return the object as the API server now has it ({@code object} itself when nothing was sent);
   *     empty when the object is gone
   */
  public <S extends ReconcileStatus, T extends CustomResource<?, S>> Optional<T> write(
      Class<T> kind, T object, S status) {
    if (unchanged(object.getStatus(), status)) {
      return Optional.of(object);
    }
    T base = object;
    for (int attempt = 1; ; attempt++) {
      try {
        return Optional.of(send(kind, base, status));
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          LOG.debug(
              "{} {} is gone; status not written",
              kind.getSimpleName(),
              object.getMetadata().getName());
          return Optional.empty();
        }
        if (e.getCode() != 409 || attempt == CONFLICT_ATTEMPTS) {
          throw e;
        }
        // The object changed during the run (an annotation, a finalizer, the spec): the status
        // this run computed is still the one to show, so it goes onto the object as it is now.
        base =
            client
                .resources(kind)
                .inNamespace(object.getMetadata().getNamespace())
                .withName(object.getMetadata().getName())
                .get();
        if (base == null) {
          return Optional.empty();
        }
      }
    }
  }

  private <S extends ReconcileStatus, T extends CustomResource<?, S>> T send(
      Class<T> kind, T object, S status) {
    return client
        .resources(kind)
        .inNamespace(object.getMetadata().getNamespace())
        .resource(object)
        .editStatus(
            base -> {
              base.setStatus(status);
              return base;
            });
  }

  private boolean unchanged(Object before, Object after) {
    if (before == null) {
      return false;
    }
    var json = client.getKubernetesSerialization();
    return json.convertValue(before, JsonNode.class)
        .equals(json.convertValue(after, JsonNode.class));
  }
}

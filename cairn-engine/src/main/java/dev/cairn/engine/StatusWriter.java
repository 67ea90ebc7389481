package dev.cairn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.ReconcileStatus;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Patches the status subresource of a Cairn object once per run. Only {@code status} is sent, so a
 * spec change made during the run is never overwritten. An object deleted meanwhile is not an
 * error. This is also the one place, for every kind, that records the handled reconcile request
 * ({@code status.lastHandledReconcileAt} = the {@link ReconcileRequest} annotation the run saw).
 */
public final class StatusWriter {
  private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

  private final KubernetesClient client;

  public StatusWriter(KubernetesClient client) {
    this.client = client;
  }

  /**
   * One run against the API: reads the object, hands it to {@code reconcile} and writes the status
   * that comes back (when the run asks for it). Empty when the object is gone.
   */
  public <S extends ReconcileStatus, T extends CustomResource<?, S>>
      Optional<ReconcileResult<S>> reconcileLive(
          Class<T> kind, String namespace, String name, Function<T, ReconcileResult<S>> reconcile) {
    T live = client.resources(kind).inNamespace(namespace).withName(name).get();
    if (live == null) {
      return Optional.empty();
    }
    ReconcileResult<S> result = reconcile.apply(live);
    if (result.patchStatus()) {
      write(kind, live, result.status());
    }
    return Optional.of(result);
  }

  /**
   * Writes {@code status} onto the live object; returns false when the object is gone. A status
   * equal to the one the run started from is not sent: a steady state costs no write.
   */
  public <S extends ReconcileStatus, T extends CustomResource<?, S>> boolean write(
      Class<T> kind, T object, S status) {
    ReconcileRequest.requestedAt(object).ifPresent(status::setLastHandledReconcileAt);
    if (unchanged(object.getStatus(), status)) {
      return true;
    }
    try {
      client
          .resources(kind)
          .inNamespace(object.getMetadata().getNamespace())
          .withName(object.getMetadata().getName())
          .editStatus(
              live -> {
                live.setStatus(status);
                return live;
              });
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        LOG.debug(
            "{} {} is gone; status not written",
            kind.getSimpleName(),
            object.getMetadata().getName());
        return false;
      }
      throw e;
    }
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

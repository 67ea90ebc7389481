package dev.cairn.engine;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Objects;

/**
 * Reads one object the engine only looks at (a source's artifact, never something it writes): from
 * the API server, or from a watch cache the runtime already keeps. What a run writes is always
 * decided on the server's answer; this is for the objects a run follows.
 */
public interface ObjectReader {
  /**
   * The object, or null when it does not exist.
   *
   * @throws KubernetesClientException when it cannot be read
   */
  <T extends HasMetadata> T get(Class<T> type, String namespace, String name);

  /** One GET per read. */
  static ObjectReader of(KubernetesClient client) {
    Objects.requireNonNull(client, "client");
    return new ObjectReader() {
      @Override
      public <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
        return client.resources(type).inNamespace(namespace).withName(name).get();
      }
    };
  }
}

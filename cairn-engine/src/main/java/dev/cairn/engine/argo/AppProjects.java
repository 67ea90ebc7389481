package dev.cairn.engine.argo;

import dev.cairn.api.argo.AppProject;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AppProjects Application runs check against: from a watch of all AppProjects (as Argo CD reads
 * them from its informer), started on first use, so a steady-state run reads none from the API
 * server. A read goes to the server instead when asked for a fresh one, when the watch is down or
 * has not listed yet (after an API-server restart the informer may hold older objects until it has
 * listed again), and when the watch does not hold the project (it may have been created a moment
 * ago). A watch that cannot be started (no permission to list AppProjects in all namespaces) is not
 * tried again: every read goes to the server.
 */
final class AppProjects implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AppProjects.class);

  private final KubernetesClient client;
  private SharedIndexInformer<AppProject> informer;
  private boolean refused;
  private boolean closed;

  AppProjects(KubernetesClient client) {
    this.client = client;
  }

  /** The project, or empty when it does not exist. */
  Optional<AppProject> get(String namespace, String name, boolean fresh) {
    SharedIndexInformer<AppProject> watch = fresh ? null : watch();
    if (watch != null && watch.isWatching() && watch.hasSynced()) {
      AppProject cached = watch.getStore().getByKey(namespace + "/" + name);
      if (cached != null || AppProject.DEFAULT.equals(name)) {
        return Optional.ofNullable(cached);
      }
    }
    return Optional.ofNullable(
        client.resources(AppProject.class).inNamespace(namespace).withName(name).get());
  }

  private synchronized SharedIndexInformer<AppProject> watch() {
    if (informer != null || refused || closed) {
      return informer;
    }
    try {
      informer = client.resources(AppProject.class).inAnyNamespace().runnableInformer(0);
      informer.start();
    } catch (KubernetesClientException e) {
      refused = true;
      LOG.warn("cannot watch AppProjects, reading them per run instead: {}", e.getMessage());
      if (informer != null) {
        informer.close();
        informer = null;
      }
    }
    return informer;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (informer != null) {
      informer.close();
      informer = null;
    }
  }
}

package dev.cairn.controller;

import dev.cairn.engine.ObjectReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.health.Status;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.ManagedInformerEventSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers a run's reads of its source (a GitRepository's artifact) from the informer the runtime
 * already keeps to trigger dependents on a new revision, instead of one GET per read. The same
 * informer's update is what triggers the dependent, so a run started by a new revision reads that
 * revision. A source the informer does not hold (another namespace than it watches, or created a
 * moment ago) is read from the server, and so is every source of a kind whose informer is stopped
 * or not watching (the API server went away): a missing or stale answer never stands in for the
 * server's. Only the informers of the kind that reads through it serve here (see {@link
 * KindRegistration#reads}): another kind's informer of the same source may lag behind the one that
 * triggered the run.
 */
final class WatchedSources implements ObjectReader {
  private final ObjectReader server;
  private final Map<Class<?>, ManagedInformerEventSource<?, ?, ?>> informers =
      new ConcurrentHashMap<>();

  WatchedSources(ObjectReader server) {
    this.server = Objects.requireNonNull(server, "server");
  }

  /** Serves reads of {@code type} from {@code informer} (the latest registered one wins). */
  void serve(Class<?> type, ManagedInformerEventSource<?, ?, ?> informer) {
    informers.put(type, informer);
  }

  @Override
  public <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
    ManagedInformerEventSource<?, ?, ?> informer = informers.get(type);
    if (informer != null && informer.isRunning() && informer.getStatus() == Status.HEALTHY) {
      Optional<? extends HasMetadata> cached = informer.get(new ResourceID(name, namespace));
      if (cached.isPresent() && type.isInstance(cached.get())) {
        return type.cast(cached.get());
      }
    }
    return server.get(type, namespace, name);
  }
}

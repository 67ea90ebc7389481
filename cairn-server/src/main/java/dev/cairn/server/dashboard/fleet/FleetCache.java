package dev.cairn.server.dashboard.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every object of every adapted kind, kept current by one informer per kind (no polling). Listeners
 * hear of each change; the dashboard turns them into server-sent events.
 */
public final class FleetCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FleetCache.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final KindAdapters adapters;
  private final Map<FleetRef, FleetObject> objects = new ConcurrentHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();

  private FleetCache(KindAdapters adapters) {
    this.adapters = adapters;
  }

  /**
   * Starts one informer per kind and waits (up to {@code syncSeconds}) for their first lists; a
   * kind whose CRD is missing stays empty while its informer keeps retrying.
   */
  public static FleetCache start(KubernetesClient client, KindAdapters adapters, long syncSeconds) {
    FleetCache cache = new FleetCache(adapters);
    List<java.util.concurrent.CompletableFuture<Void>> synced = new ArrayList<>();
    for (KindAdapter adapter : adapters.all()) {
      SharedIndexInformer<GenericKubernetesResource> informer =
          client.genericKubernetesResources(adapter.context()).inAnyNamespace().runnableInformer(0);
      informer.addEventHandler(cache.handler(adapter));
      cache.informers.add(informer);
      synced.add(informer.start().toCompletableFuture());
    }
    try {
      java.util.concurrent.CompletableFuture.allOf(
              synced.toArray(new java.util.concurrent.CompletableFuture<?>[0]))
          .get(syncSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.info("dashboard: not every kind's informer has synced yet: {}", e.toString());
    }
    return cache;
  }

  private ResourceEventHandler<GenericKubernetesResource> handler(KindAdapter adapter) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(GenericKubernetesResource obj) {
        put(adapter, obj);
      }

      @Override
      public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
        put(adapter, newObj);
      }

      @Override
      public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
        objects.remove(
            new FleetRef(
                adapter.kind(), obj.getMetadata().getNamespace(), obj.getMetadata().getName()));
        changed();
      }
    };
  }

  private void put(KindAdapter adapter, GenericKubernetesResource resource) {
    JsonNode tree = MAPPER.valueToTree(resource);
    FleetObject object = adapter.read(tree);
    objects.put(object.ref(), object);
    changed();
  }

  private void changed() {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.warn("dashboard: a change listener failed: {}", e.toString());
      }
    }
  }

  /** Calls {@code listener} after every add, update or delete. */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  public KindAdapters adapters() {
    return adapters;
  }

  /** All objects, in the adapters' kind order, then namespace and name. */
  public List<FleetObject> all() {
    return objects.values().stream()
        .sorted(
            Comparator.comparingInt((FleetObject o) -> adapters.order(o.ref().kind()))
                .thenComparing(FleetObject::ref))
        .toList();
  }

  public Optional<FleetObject> find(FleetRef ref) {
    return Optional.ofNullable(objects.get(ref));
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}

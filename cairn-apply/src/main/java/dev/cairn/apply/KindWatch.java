package dev.cairn.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.manifest.GroupVersionKind;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watches of one kind for {@link WatchedClusterClient}: one informer per ownership label key
 * (or one unfiltered informer), started on first use; the informers' selectors do not overlap. A
 * kind that is not served yet is tried again on the next read; a kind whose watch cannot be started
 * (no permission to list it) is read from the server from then on.
 */
final class KindWatch {
  private static final Logger LOG = LoggerFactory.getLogger(KindWatch.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SYNC_WAIT_SECONDS = 10;

  private final KubernetesClient client;
  private final GroupVersionKind gvk;
  private final List<String> labelKeys;
  private final String shard;
  private final OwnWrites ownWrites;
  private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();
  private volatile boolean started;
  private volatile boolean refused;
  private volatile boolean closed;

  KindWatch(
      KubernetesClient client,
      GroupVersionKind gvk,
      List<String> labelKeys,
      String shard,
      OwnWrites ownWrites) {
    this.client = client;
    this.gvk = gvk;
    this.labelKeys = labelKeys;
    this.shard = shard;
    this.ownWrites = ownWrites;
  }

  boolean started() {
    return started;
  }

  /** Starts the watches once; true when they are running and have listed what exists. */
  synchronized boolean start(Fabric8ClusterClient server) {
    if (started || refused || closed) {
      return started && synced();
    }
    Optional<ResourceDefinitionContext> definition = server.definition(gvk);
    if (definition.isEmpty()) {
      return false;
    }
    try {
      for (String selector : selectors(labelKeys, shard)) {
        var kind = client.genericKubernetesResources(definition.get()).inAnyNamespace();
        SharedIndexInformer<GenericKubernetesResource> informer =
            (selector.isEmpty() ? kind : kind.withLabelSelector(selector)).runnableInformer(0);
        informer.removeNamespaceIndex();
        informer.addEventHandler(new Handler());
        informers.add(informer);
        informer.start().toCompletableFuture().get(SYNC_WAIT_SECONDS, TimeUnit.SECONDS);
      }
      started = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (TimeoutException e) {
      started = true;
      return false;
    } catch (ExecutionException | KubernetesClientException e) {
      refused = true;
      LOG.warn(
          "cannot watch {} {}, reading it per object instead: {}",
          gvk.apiVersion(),
          gvk.kind(),
          e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
      closeInformers();
      return false;
    }
    return synced();
  }

  /**
   * One label selector per key, each excluding the keys before it, so an object carrying two of
   * them (a chart's {@code app.kubernetes.io/instance} on what a HelmRelease applies) is held once;
   * with a shard, each also requires that shard's label.
   */
  static List<String> selectors(List<String> labelKeys, String shard) {
    if (labelKeys.isEmpty()) {
      return List.of(shard == null ? "" : ApplyOptions.SHARD_LABEL + "=" + shard);
    }
    List<String> selectors = new ArrayList<>();
    for (int i = 0; i < labelKeys.size(); i++) {
      StringBuilder selector = new StringBuilder(labelKeys.get(i));
      for (String earlier : labelKeys.subList(0, i)) {
        selector.append(",!").append(earlier);
      }
      if (shard != null) {
        selector.append(',').append(ApplyOptions.SHARD_LABEL).append('=').append(shard);
      }
      selectors.add(selector.toString());
    }
    return selectors;
  }

  private boolean synced() {
    for (SharedIndexInformer<GenericKubernetesResource> informer : informers) {
      if (!informer.hasSynced()) {
        return false;
      }
    }
    return !informers.isEmpty();
  }

  /**
   * Whether every watch of the kind is open now: after a watch ends (the API server went away or
   * restarted) its informer may hold objects older than the server's until it has listed again.
   */
  boolean watching() {
    for (SharedIndexInformer<GenericKubernetesResource> informer : informers) {
      if (!informer.isWatching()) {
        return false;
      }
    }
    return !informers.isEmpty();
  }

  /** The watched object, empty when no watch holds it. */
  Optional<KubeObject> find(ObjectId id) {
    GenericKubernetesResource found = lookup(id);
    return found == null
        ? Optional.empty()
        : Optional.of(KubeObject.of(JSON.convertValue(found, ObjectNode.class)));
  }

  /** The resourceVersion the watches hold for {@code id}, or null when they hold none. */
  String resourceVersion(ObjectId id) {
    GenericKubernetesResource found = lookup(id);
    return found == null ? null : found.getMetadata().getResourceVersion();
  }

  private GenericKubernetesResource lookup(ObjectId id) {
    String key =
        id.namespace() == null || id.namespace().isEmpty()
            ? id.name()
            : id.namespace() + "/" + id.name();
    for (SharedIndexInformer<GenericKubernetesResource> informer : informers) {
      GenericKubernetesResource found = informer.getStore().getByKey(key);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  synchronized void close() {
    closed = true;
    closeInformers();
  }

  private void closeInformers() {
    informers.forEach(SharedIndexInformer::close);
    informers.clear();
  }

  private ObjectId idOf(HasMetadata object) {
    return new ObjectId(
        gvk.group(),
        gvk.version(),
        gvk.kind(),
        object.getMetadata().getNamespace(),
        object.getMetadata().getName());
  }

  /** Clears this process's pending writes once the watch has delivered them. */
  private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {
    @Override
    public void onAdd(GenericKubernetesResource object) {
      ownWrites.seen(idOf(object), object.getMetadata().getResourceVersion());
    }

    @Override
    public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
      ownWrites.seen(idOf(after), after.getMetadata().getResourceVersion());
    }

    @Override
    public void onDelete(GenericKubernetesResource object, boolean finalStateUnknown) {
      ownWrites.gone(idOf(object));
    }
  }
}

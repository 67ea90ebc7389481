package dev.cairn.apply;

import dev.cairn.manifest.GroupVersionKind;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ClusterClient} that answers {@link #get} from watches instead of one request per object,
 * so a steady-state reconcile of unchanged objects costs the API server nothing. The first read of
 * a kind starts its watches: one per ownership label key (only objects Cairn manages are kept in
 * memory), or one unfiltered watch for the few cluster kinds every reconcile asks about
 * (Namespaces, CustomResourceDefinitions). An object missing from the watches is asked for
 * directly, and so is an object this client wrote until its watch has delivered that write: a read
 * never returns something older than this process's own last apply or delete. While a watch of the
 * kind is down (the API server went away or restarted, and the informer has not listed again after
 * its 410 Gone), reads go to the server too, so a change made meanwhile is never hidden by the
 * cache. Writes always go to the server, and what a delete is decided on is read from the server
 * ({@link #read}).
 */
public final class WatchedClusterClient implements ClusterClient, AutoCloseable {
  private static final Set<String> UNFILTERED =
      Set.of("/v1/Namespace", "apiextensions.k8s.io/v1/CustomResourceDefinition");

  private final KubernetesClient client;
  private final Fabric8ClusterClient server;
  private final List<String> ownerLabels;
  private final String shard;
  private final Map<GroupVersionKind, KindWatch> watches = new ConcurrentHashMap<>();
  private final OwnWrites ownWrites = new OwnWrites();
  private volatile boolean closed;

  /**
   * @param ownerLabels the label keys Cairn stamps on what it applies (e.g. {@code
   *     cairn.dev/name}); objects carrying none of them are read from the server each time
   */
  public WatchedClusterClient(
      KubernetesClient client, Fabric8ClusterClient server, List<String> ownerLabels) {
    this(client, server, ownerLabels, null);
  }

  /**
   * @param shard the shard of a sharded controller ({@link ApplyOptions#shard()}): only objects
   *     labelled {@value ApplyOptions#SHARD_LABEL} with it are watched, so that each shard holds
   *     its own objects and not every shard's; null to watch every owned object
   */
  public WatchedClusterClient(
      KubernetesClient client,
      Fabric8ClusterClient server,
      List<String> ownerLabels,
      String shard) {
    this.client = Objects.requireNonNull(client, "client");
    this.server = Objects.requireNonNull(server, "server");
    this.ownerLabels = List.copyOf(ownerLabels);
    this.shard = shard;
  }

  @Override
  public Optional<KubeObject> get(ObjectId id) {
    if (closed) {
      return server.get(id);
    }
    // started even for an object still pending: its listing is what delivers this process's write
    KindWatch watch = watchOf(id.gvk());
    if (watch == null || ownWrites.pending(key(id))) {
      return server.get(id);
    }
    if (!watch.watching()) {
      return server.get(id);
    }
    Optional<KubeObject> cached = watch.find(id);
    return cached.isPresent() ? cached : server.get(id);
  }

  @Override
  public boolean knownAbsent(ObjectId id) {
    if (closed) {
      return false;
    }
    KindWatch watch = watchOf(id.gvk());
    return watch != null
        && !ownWrites.pending(key(id))
        && watch.watching()
        && watch.resourceVersion(id) == null;
  }

  @Override
  public Optional<KubeObject> read(ObjectId id) {
    return server.get(id);
  }

  @Override
  public List<KubeObject> list(GroupVersionKind gvk, String namespace, Map<String, String> labels) {
    return server.list(gvk, namespace, labels);
  }

  @Override
  public KubeObject dryRunApply(KubeObject object, String fieldManager, boolean forceConflicts) {
    return server.dryRunApply(object, fieldManager, forceConflicts);
  }

  @Override
  public KubeObject apply(KubeObject object, String fieldManager, boolean forceConflicts) {
    KubeObject stored = server.apply(object, fieldManager, forceConflicts);
    ObjectId id = key(stored.id());
    KindWatch watch = watches.get(id.gvk());
    ownWrites.wrote(id, resourceVersion(stored), watch == null ? null : watch.resourceVersion(id));
    return stored;
  }

  @Override
  public boolean delete(ObjectId id) {
    return delete(id, DeletePropagation.BACKGROUND);
  }

  @Override
  public boolean delete(ObjectId id, DeletePropagation propagation) {
    ObjectId key = key(id);
    ownWrites.deleting(key);
    boolean deleted = server.delete(id, propagation);
    KindWatch watch = watches.get(id.gvk());
    if (watch == null || watch.resourceVersion(key) == null) {
      ownWrites.deleted(key);
    }
    return deleted;
  }

  @Override
  public Optional<Boolean> namespaced(GroupVersionKind gvk) {
    return server.namespaced(gvk);
  }

  /** The number of kinds watched so far (for metrics and tests). */
  public int watchedKinds() {
    return (int) watches.values().stream().filter(KindWatch::started).count();
  }

  @Override
  public void close() {
    closed = true;
    watches.values().forEach(KindWatch::close);
    watches.clear();
  }

  private KindWatch watchOf(GroupVersionKind gvk) {
    KindWatch watch =
        watches.computeIfAbsent(
            gvk,
            kind ->
                new KindWatch(
                    client,
                    kind,
                    UNFILTERED.contains(kind.group() + "/" + kind.version() + "/" + kind.kind())
                        ? List.of()
                        : ownerLabels,
                    UNFILTERED.contains(kind.group() + "/" + kind.version() + "/" + kind.kind())
                        ? null
                        : shard,
                    ownWrites));
    return watch.start(server) ? watch : null;
  }

  /** Ids as the watches report them: a cluster-scoped object has a null namespace. */
  private static ObjectId key(ObjectId id) {
    return id.namespace() != null && id.namespace().isEmpty()
        ? new ObjectId(id.group(), id.version(), id.kind(), null, id.name())
        : id;
  }

  static String resourceVersion(KubeObject object) {
    return object.node().path("metadata").path("resourceVersion").asText("");
  }
}

package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * The API server's and controller manager's lifecycle work, driven by store changes (never by
 * polling): CRDs register their kinds when stored and take their custom resources with them when
 * removed; a Terminating namespace is emptied and then removed; the garbage collector deletes
 * objects whose owners (by uid) are all gone and drops owner references to missing owners
 * otherwise. Namespace emptying and garbage collection run asynchronously, as in a real cluster.
 */
final class Cascades implements ObjectStore.Listener {
  private final ObjectStore store;
  private final ResourceTypes types;
  private final DeleteHandler deletes;
  private final ObjectWriter writer;
  private final ReadWriteLock lock;
  private final Executor executor;

  Cascades(
      ObjectWriter writer,
      ResourceTypes types,
      DeleteHandler deletes,
      ReadWriteLock lock,
      Executor executor) {
    this.store = writer.store();
    this.writer = writer;
    this.types = types;
    this.deletes = deletes;
    this.lock = lock;
    this.executor = executor;
  }

  @Override
  public void stored(ResourceType type, ObjectKey key, JsonNode before, ObjectNode after) {
    if (type.isCustomResourceDefinition()
        && !after.path("metadata").hasNonNull("deletionTimestamp")) {
      if (LifecycleStatus.isEstablished(after)) {
        types.registerCrd(after);
      } else {
        later(() -> establish(type, key));
      }
    }
    if (type.isNamespace()
        && after.path("metadata").hasNonNull("deletionTimestamp")
        && (before == null || !before.path("metadata").hasNonNull("deletionTimestamp"))) {
      later(() -> emptyNamespace(key.name()));
    }
    List<String> owners = ObjectStore.ownerUids(after);
    if (!owners.isEmpty()
        && (before == null || !Objects.equals(owners, ObjectStore.ownerUids(before)))
        && owners.stream().anyMatch(uid -> !store.uidExists(uid))) {
      later(() -> collect(key));
    }
  }

  @Override
  public void removed(ResourceType type, ObjectKey key, ObjectNode last) {
    if (type.isCustomResourceDefinition()) {
      for (ResourceType crType : types.unregisterCrd(key.name())) {
        store.ofType(crType.group(), crType.plural()).forEach(store::remove);
      }
    }
    String uid = last.path("metadata").path("uid").asText();
    if (!store.dependentsOf(uid).isEmpty()) {
      later(() -> store.dependentsOf(uid).forEach(this::collect));
    }
    if (!key.namespace().isEmpty() && isTerminating(key.namespace())) {
      later(() -> finishNamespace(key.namespace()));
    }
  }

  private boolean isTerminating(String namespace) {
    ObjectStore.Stored ns = store.get(new ObjectKey("", "namespaces", "", namespace));
    return ns != null && ns.object().path("metadata").hasNonNull("deletionTimestamp");
  }

  private void emptyNamespace(String namespace) {
    for (ObjectKey key : store.inNamespace(namespace)) {
      ObjectStore.Stored stored = store.get(key);
      if (stored != null) {
        deletes.delete(stored.type(), key, false, false);
      }
    }
    finishNamespace(namespace);
  }

  private void finishNamespace(String namespace) {
    ObjectKey nsKey = new ObjectKey("", "namespaces", "", namespace);
    ObjectStore.Stored ns = store.get(nsKey);
    if (ns != null
        && ns.object().path("metadata").hasNonNull("deletionTimestamp")
        && store.inNamespace(namespace).isEmpty()) {
      store.remove(nsKey);
    }
  }

  /**
   * A created CRD is Established by controllers after the create returned (apiextensions-apiserver
   * {@code pkg/controller/status/naming_controller.go}, {@code pkg/controller/establish}), never in
   * the create response; its kinds are served from then on.
   */
  private void establish(ResourceType type, ObjectKey key) {
    ObjectStore.Stored stored = store.get(key);
    if (stored == null || LifecycleStatus.isEstablished(stored.object())) {
      return;
    }
    ObjectNode next = stored.object().deepCopy();
    LifecycleStatus.establish(next);
    writer.system(type, key, next);
  }

  /** Garbage-collects one dependent whose owners may be gone. */
  private void collect(ObjectKey key) {
    ObjectStore.Stored stored = store.get(key);
    if (stored == null) {
      return;
    }
    List<String> owners = ObjectStore.ownerUids(stored.object());
    long alive = owners.stream().filter(store::uidExists).count();
    if (alive == owners.size()) {
      return;
    }
    if (alive == 0) {
      deletes.delete(stored.type(), key, false, false);
      return;
    }
    ObjectNode next = stored.object().deepCopy();
    ArrayNode refs = (ArrayNode) next.with("metadata").get("ownerReferences");
    for (int i = refs.size() - 1; i >= 0; i--) {
      if (!store.uidExists(refs.get(i).path("uid").asText())) {
        refs.remove(i);
      }
    }
    writer.system(stored.type(), key, next);
  }

  private void later(Runnable task) {
    try {
      executor.execute(
          () -> {
            lock.writeLock().lock();
            try {
              task.run();
            } catch (ApiException e) {
              // the object went away in between: nothing left to do
            } finally {
              lock.writeLock().unlock();
            }
          });
    } catch (RejectedExecutionException e) {
      // the cluster is closing
    }
  }
}

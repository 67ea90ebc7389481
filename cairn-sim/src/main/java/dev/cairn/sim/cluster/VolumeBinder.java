package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.sim.cluster.ManagedFields.Entry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * Plays a dynamic provisioner and kube-controller-manager's volume binder: a new
 * PersistentVolumeClaim, of any storage class, gets a PersistentVolume {@code pvc-<uid>} of the
 * requested size, access modes and class (reclaim policy Delete, a CSI source of a simulated
 * driver), and is bound to it: {@code spec.volumeName}, the {@code pv.kubernetes.io/bind-completed}
 * and {@code bound-by-controller} annotations, {@code status.phase} Bound with the capacity and
 * access modes, the volume {@code Bound} with a {@code claimRef}. Deleting the claim deletes the
 * volume. Claims of a storage class named in {@link #keepPending(String)} stay Pending, as with a
 * class no provisioner serves. Asynchronous, on the cluster's controller thread, as a real binder
 * is; its writes carry a {@code kube-controller-manager} Update entry.
 */
public final class VolumeBinder {
  private static final String MANAGER = "kube-controller-manager";
  private static final String DRIVER = "simulated.cairn.dev";

  private final ObjectWriter writer;
  private final DeleteHandler deletes;
  private final ResourceTypes types;
  private final ReadWriteLock lock;
  private final ScheduledExecutorService executor;
  private final Set<String> pendingClasses = ConcurrentHashMap.newKeySet();

  VolumeBinder(
      ObjectWriter writer,
      DeleteHandler deletes,
      ResourceTypes types,
      ReadWriteLock lock,
      ScheduledExecutorService executor) {
    this.writer = writer;
    this.deletes = deletes;
    this.types = types;
    this.lock = lock;
    this.executor = executor;
  }

  /** Claims of this storage class ({@code ""} for none) are not provisioned from now on. */
  public void keepPending(String storageClassName) {
    pendingClasses.add(storageClassName);
  }

  /** Provisions claims of this storage class again (those already waiting too). */
  public void provision(String storageClassName) {
    pendingClasses.remove(storageClassName);
    ResourceType claims = claims();
    later(
        () -> {
          for (ObjectKey key : writer.store().ofType("", "persistentvolumeclaims")) {
            bind(claims, key);
          }
        });
  }

  ObjectStore.Listener listener() {
    return new ObjectStore.Listener() {
      @Override
      public void stored(ResourceType type, ObjectKey key, JsonNode before, ObjectNode after) {
        if (isClaim(type) && !after.path("spec").hasNonNull("volumeName")) {
          later(() -> bind(type, key));
        }
      }

      @Override
      public void removed(ResourceType type, ObjectKey key, ObjectNode last) {
        String volume = last.path("spec").path("volumeName").asText("");
        if (isClaim(type) && volume.equals("pvc-" + last.path("metadata").path("uid").asText())) {
          later(() -> release(volume));
        }
      }
    };
  }

  private static boolean isClaim(ResourceType type) {
    return type.group().isEmpty() && type.plural().equals("persistentvolumeclaims");
  }

  private ResourceType claims() {
    return types.find("", "v1", "persistentvolumeclaims").orElseThrow();
  }

  private void later(Runnable task) {
    try {
      executor.execute(
          () -> {
            lock.writeLock().lock();
            try {
              task.run();
            } finally {
              lock.writeLock().unlock();
            }
          });
    } catch (RejectedExecutionException e) {
      // the cluster is closing
    }
  }

  private void bind(ResourceType claimType, ObjectKey key) {
    ObjectStore.Stored stored = writer.store().get(key);
    if (stored == null
        || stored.object().path("spec").hasNonNull("volumeName")
        || stored.object().path("metadata").hasNonNull("deletionTimestamp")) {
      return;
    }
    ObjectNode claim = stored.object();
    JsonNode spec = claim.path("spec");
    String storageClass = spec.path("storageClassName").asText("");
    if (pendingClasses.contains(storageClass)) {
      return;
    }
    String volumeName = "pvc-" + claim.path("metadata").path("uid").asText();
    JsonNode size = spec.path("resources").path("requests").path("storage");
    ResourceType volumes = types.find("", "v1", "persistentvolumes").orElseThrow();
    ObjectKey volumeKey = ObjectKey.of(volumes, "", volumeName);
    if (writer.store().get(volumeKey) == null) {
      writer.create(volumes, volumeKey, volume(claim, key, volumeName, size), false);
    }
    ObjectNode next = claim.deepCopy();
    ObjectNode annotations = next.with("metadata").with("annotations");
    annotations.put("pv.kubernetes.io/bind-completed", "yes");
    annotations.put("pv.kubernetes.io/bound-by-controller", "yes");
    annotations.put("volume.kubernetes.io/storage-provisioner", DRIVER);
    ((ObjectNode) next.with("spec")).put("volumeName", volumeName);
    ObjectNode status = next.putObject("status").put("phase", "Bound");
    status.set("accessModes", spec.path("accessModes").deepCopy());
    if (!size.isMissingNode()) {
      status.putObject("capacity").set("storage", size.deepCopy());
    }
    List<Entry> entries = ManagedFields.read(claim);
    ManagedFields.recordUpdate(claim, next, claimType, MANAGER, null, entries);
    ManagedFields.recordUpdate(claim, next, claimType, MANAGER, "status", entries);
    ManagedFields.write(next, entries);
    writer.system(claimType, key, next);
  }

  private static ObjectNode volume(
      ObjectNode claim, ObjectKey claimKey, String volumeName, JsonNode size) {
    JsonNode spec = claim.path("spec");
    ObjectNode volume = Json.MAPPER.createObjectNode();
    volume.put("apiVersion", "v1").put("kind", "PersistentVolume");
    ObjectNode metadata = volume.putObject("metadata").put("name", volumeName);
    metadata.putObject("annotations").put("pv.kubernetes.io/provisioned-by", DRIVER);
    ObjectNode pv = volume.putObject("spec");
    if (!size.isMissingNode()) {
      pv.putObject("capacity").set("storage", size.deepCopy());
    }
    pv.set("accessModes", spec.path("accessModes").deepCopy());
    pv.put("persistentVolumeReclaimPolicy", "Delete");
    pv.put("storageClassName", spec.path("storageClassName").asText(""));
    pv.put("volumeMode", spec.path("volumeMode").asText("Filesystem"));
    pv.putObject("csi").put("driver", DRIVER).put("volumeHandle", volumeName);
    pv.putObject("claimRef")
        .put("apiVersion", "v1")
        .put("kind", "PersistentVolumeClaim")
        .put("namespace", claimKey.namespace())
        .put("name", claimKey.name())
        .put("uid", claim.path("metadata").path("uid").asText())
        .put("resourceVersion", claim.path("metadata").path("resourceVersion").asText());
    volume.putObject("status").put("phase", "Bound");
    return volume;
  }

  private void release(String volumeName) {
    ResourceType volumes = types.find("", "v1", "persistentvolumes").orElseThrow();
    ObjectKey key = ObjectKey.of(volumes, "", volumeName);
    if (writer.store().get(key) != null) {
      deletes.delete(volumes, key, false, false);
    }
  }
}

package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.sim.cluster.ManagedFields.Entry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.regex.Pattern;

/**
 * Plays the controller manager for workloads, like KWOK: a configurable delay after a Deployment,
 * StatefulSet, DaemonSet, ReplicaSet or Job is created or its spec changes (new generation), it
 * writes the status a healthy cluster would report — or, for objects named in {@link #keepFailing},
 * the status of the way that kind really fails. Driven by store changes; no polling. Its writes are
 * the server's own: they bump resourceVersion and send watch events, but are not counted as
 * requests.
 */
public final class ReadinessSimulator {
  private static final String MANAGER = "kube-controller-manager";

  private final ObjectWriter writer;
  private final ResourceTypes types;
  private final ReadWriteLock lock;
  private final ScheduledExecutorService executor;

  /** For {@link #failImages}: the workload stays Progressing, never ready, never failed. */
  public static final String PROGRESSING_ONLY = WorkloadStatus.PROGRESSING;

  /**
   * The annotation a workload may carry to be simulated as never ready ({@code progressing}) or
   * failing ({@code failed}); read by this simulator only, a real cluster ignores it.
   */
  public static final String ANNOTATION = "sim.cairn.dev/readiness";

  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final Map<Pattern, String> imageRules = new ConcurrentHashMap<>();
  private volatile Duration delay;
  private volatile boolean enabled;

  ReadinessSimulator(
      ObjectWriter writer,
      ResourceTypes types,
      ReadWriteLock lock,
      ScheduledExecutorService executor,
      Duration delay) {
    this.writer = writer;
    this.types = types;
    this.lock = lock;
    this.executor = executor;
    this.delay = delay;
  }

  /** The delay between a spec change and the simulated status. */
  public Duration delay() {
    return delay;
  }

  /** Changes the delay for changes from now on. */
  public void setDelay(Duration delay) {
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  /**
   * Makes a workload fail: a Deployment reports Progressing=False with {@code reason}, a Job a
   * Failed condition with {@code reason}, a StatefulSet, DaemonSet or ReplicaSet no ready replicas.
   * Applies at once if the object exists, and to it whenever it is (re)created.
   *
   * @param kind Deployment, StatefulSet, DaemonSet, ReplicaSet or Job
   */
  public void keepFailing(String kind, String namespace, String name, String reason) {
    failures.put(failureKey(kind, namespace, name), Objects.requireNonNull(reason, "reason"));
    resettle(kind, namespace, name);
  }

  /** {@link #keepFailing(String, String, String, String)} with the kind's usual reason. */
  public void keepFailing(String kind, String namespace, String name) {
    keepFailing(
        kind,
        namespace,
        name,
        kind.equals("Job") ? "BackoffLimitExceeded" : "ProgressDeadlineExceeded");
  }

  /**
   * Keeps a workload never ready without failing it: a Deployment stays Progressing=True without
   * available replicas (until a health check times out), a Job stays active, a StatefulSet,
   * DaemonSet or ReplicaSet has no ready replicas.
   */
  public void keepProgressing(String kind, String namespace, String name) {
    keepFailing(kind, namespace, name, WorkloadStatus.PROGRESSING);
  }

  /**
   * A rule for every workload, present and future, whose pod template has a container image
   * matching {@code imageRegex} (whole image reference): it fails with {@code reason} (the kind's
   * usual one when null), or with {@link #PROGRESSING_ONLY} never becomes ready without failing.
   */
  public void failImages(String imageRegex, String reason) {
    imageRules.put(Pattern.compile(imageRegex), reason == null ? "" : reason);
    resettleAll();
  }

  /** Removes every image rule. */
  public void clearImageRules() {
    imageRules.clear();
    resettleAll();
  }

  /** Lets a failing workload become ready. */
  public void stopFailing(String kind, String namespace, String name) {
    failures.remove(failureKey(kind, namespace, name));
    resettle(kind, namespace, name);
  }

  private void resettle(String kind, String namespace, String name) {
    if (!enabled) {
      return;
    }
    String group = kind.equals("Job") ? "batch" : "apps";
    types
        .findByKind(group + "/v1", kind)
        .ifPresent(type -> schedule(type, ObjectKey.of(type, namespace, name), -1, Duration.ZERO));
  }

  /** The failure the rules give a workload: by name, by annotation, by image; null for ready. */
  private String failureOf(ResourceType type, ObjectKey key, JsonNode live) {
    String named = failures.get(failureKey(type.kind(), key.namespace(), key.name()));
    if (named != null) {
      return named;
    }
    String usual = type.kind().equals("Job") ? "BackoffLimitExceeded" : "ProgressDeadlineExceeded";
    String annotated = live.path("metadata").path("annotations").path(ANNOTATION).asText("");
    if (annotated.equals("progressing")) {
      return WorkloadStatus.PROGRESSING;
    } else if (annotated.equals("failed")) {
      return usual;
    }
    for (JsonNode container : live.path("spec").path("template").path("spec").path("containers")) {
      String image = container.path("image").asText("");
      for (Map.Entry<Pattern, String> rule : imageRules.entrySet()) {
        if (rule.getKey().matcher(image).matches()) {
          return rule.getValue().isEmpty() ? usual : rule.getValue();
        }
      }
    }
    return null;
  }

  private void resettleAll() {
    if (!enabled) {
      return;
    }
    lock.readLock().lock();
    try {
      for (ResourceType type : types.all()) {
        if (WorkloadStatus.handles(type)) {
          writer
              .store()
              .ofType(type.group(), type.plural())
              .forEach(key -> schedule(type, key, -1, Duration.ZERO));
        }
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  private static String failureKey(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }

  /** The hook the store calls after each change; installing it turns the simulator on. */
  ObjectStore.Listener listener() {
    enabled = true;
    return new ObjectStore.Listener() {
      @Override
      public void stored(ResourceType type, ObjectKey key, JsonNode before, ObjectNode after) {
        onStored(type, key, before, after);
      }

      @Override
      public void removed(ResourceType type, ObjectKey key, ObjectNode last) {
        // nothing to settle
      }
    };
  }

  private void onStored(ResourceType type, ObjectKey key, JsonNode before, ObjectNode after) {
    if (!WorkloadStatus.handles(type)) {
      return;
    }
    long generation = generation(after);
    if (before == null || generation(before) != generation) {
      schedule(type, key, generation, delay);
    }
  }

  private static long generation(JsonNode object) {
    return object.path("metadata").path("generation").asLong(0);
  }

  /**
   * Settles {@code key} after {@code after}, if it is then still at {@code generation} (-1: any).
   */
  private void schedule(ResourceType type, ObjectKey key, long generation, Duration after) {
    try {
      executor.schedule(
          () -> {
            lock.writeLock().lock();
            try {
              settle(type, key, generation);
            } finally {
              lock.writeLock().unlock();
            }
          },
          after.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // the cluster is closing
    }
  }

  private void settle(ResourceType type, ObjectKey key, long generation) {
    ObjectStore.Stored stored = writer.store().get(key);
    if (stored == null
        || (generation >= 0 && generation(stored.object()) != generation)
        || stored.object().path("metadata").hasNonNull("deletionTimestamp")) {
      return;
    }
    ObjectNode live = stored.object();
    String failure = failureOf(type, key, live);
    JsonNode previous = live.path("status");
    ObjectNode status = WorkloadStatus.of(type, live, previous, failure);
    if (WorkloadStatus.withoutTimes(status).equals(WorkloadStatus.withoutTimes(previous))) {
      return;
    }
    ObjectNode next = live.deepCopy();
    next.set("status", status);
    List<Entry> entries = ManagedFields.read(live);
    ManagedFields.recordUpdate(live, next, type, MANAGER, "status", entries);
    ManagedFields.write(next, entries);
    writer.system(type, key, next);
  }
}

package dev.cairn.apply;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * The apply engine: staged server-side apply of a set of objects, prune, wait for health and drift
 * diff, each speaking {@link ChangeSet}. Knows no Cairn kind. Thread-safe; close it to stop its
 * scheduler thread.
 *
 * <pre>{@code
 * ResourceManager manager = new ResourceManager(new Fabric8ClusterClient(client));
 * ChangeSet applied = manager.apply(objects, ApplyOptions.defaults().withLabels(owner));
 * ChangeSet pruned = manager.prune(previousInventory, objects, options);
 * WaitResult health = manager.waitForHealth(ids, Duration.ofMinutes(2));
 * }</pre>
 */
public final class ResourceManager implements AutoCloseable {
  private final ClusterClient cluster;
  private final HealthProbe probe;
  private final ScheduledExecutorService scheduler;
  private final Poller poller;

  /** With the health module's checks ({@link HealthProbe#defaults()}). */
  public ResourceManager(ClusterClient cluster) {
    this(cluster, HealthProbe.defaults());
  }

  public ResourceManager(ClusterClient cluster, HealthProbe probe) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.probe = Objects.requireNonNull(probe, "probe");
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "cairn-apply-poller");
              thread.setDaemon(true);
              return thread;
            });
    this.poller = new Poller(scheduler);
  }

  /**
   * Validates the whole set by server-side dry-run, then applies it in stages (CRDs and Namespaces,
   * cluster-scoped kinds, the rest). Unchanged objects cost no write.
   *
   * @throws ApplyException when an object fails validation (nothing is applied then) or its apply
   */
  public ChangeSet apply(Collection<KubeObject> objects, ApplyOptions options) {
    return new StagedApply(cluster, options, poller).run(objects);
  }

  /**
   * Deletes what {@code previousInventory} holds and {@code newSet} does not, in reverse kind
   * order. Failed deletes are entries with {@link ChangeSetEntry#failed()}; keep those in the
   * inventory and retry.
   */
  public ChangeSet prune(
      Collection<ObjectId> previousInventory, Collection<KubeObject> newSet, ApplyOptions options) {
    return prune(previousInventory, newSet, options, DeletePropagation.BACKGROUND);
  }

  /**
   * {@link #prune(Collection, Collection, ApplyOptions)}, deleting with {@code propagation} (what
   * happens to the dependents of each pruned object).
   */
  public ChangeSet prune(
      Collection<ObjectId> previousInventory,
      Collection<KubeObject> newSet,
      ApplyOptions options,
      DeletePropagation propagation) {
    return new Pruner(cluster, options, Objects.requireNonNull(propagation, "propagation"))
        .prune(previousInventory, newSet);
  }

  /** Waits until every object is Current, one Failed, or {@code timeout} passes. */
  public WaitResult waitForHealth(Collection<ObjectId> ids, Duration timeout) {
    return waitForHealth(ids, timeout, () -> false);
  }

  /**
   * Like {@link #waitForHealth(Collection, Duration)}, but asks {@code cancelled} before each poll
   * (at least every 2 s) and ends with {@link WaitResult.Outcome#CANCELLED} once it answers true,
   * e.g. because the caller has newer work that makes this wait pointless.
   */
  public WaitResult waitForHealth(
      Collection<ObjectId> ids, Duration timeout, BooleanSupplier cancelled) {
    Objects.requireNonNull(cancelled, "cancelled");
    return new HealthWaiter(cluster, probe, poller).await(ids, timeout, cancelled);
  }

  /**
   * Waits until none of {@code ids} exists any more (deleted objects linger while their finalizers
   * run) or {@code timeout} passes.
   *
   * @return the objects still there when the wait ended; empty when all are gone
   */
  public List<ObjectId> waitForTermination(Collection<ObjectId> ids, Duration timeout) {
    List<ObjectId> remaining = new ArrayList<>(ids);
    poller.await(
        () -> {
          remaining.removeIf(id -> cluster.get(id).isEmpty());
          return remaining.isEmpty();
        },
        timeout);
    return List.copyOf(remaining);
  }

  /**
   * A unified diff of the live object against what applying {@code desired} would make of it; empty
   * when there is no drift. Secret values are masked.
   */
  public String diff(KubeObject desired, ApplyOptions options) {
    return new DriftDiff(cluster, options, DiffNormalizer.NONE).diff(desired);
  }

  /**
   * {@link #diff(KubeObject, ApplyOptions)} of the states after {@code normalizer} removed what
   * should not count as drift.
   */
  public String diff(KubeObject desired, ApplyOptions options, DiffNormalizer normalizer) {
    return new DriftDiff(cluster, options, Objects.requireNonNull(normalizer, "normalizer"))
        .diff(desired);
  }

  /** {@link #diff(KubeObject, ApplyOptions)} with {@link ApplyOptions#defaults()}. */
  public String diff(KubeObject desired) {
    return diff(desired, ApplyOptions.defaults());
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}

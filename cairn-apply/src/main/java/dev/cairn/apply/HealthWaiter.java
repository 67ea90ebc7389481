package dev.cairn.apply;

import dev.cairn.health.Health;
import dev.cairn.health.HealthStatus;
import dev.cairn.health.ObjectHealth;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Polls objects with backoff until all are Current, one is Failed, the timeout passes or the
 * cancellation hook says stop (asked before each poll). Each poll reads only the objects not yet
 * Current.
 */
final class HealthWaiter {
  private final ClusterClient cluster;
  private final HealthProbe probe;
  private final Poller poller;

  HealthWaiter(ClusterClient cluster, HealthProbe probe, Poller poller) {
    this.cluster = cluster;
    this.probe = probe;
    this.poller = poller;
  }

  WaitResult await(Collection<ObjectId> ids, Duration timeout, BooleanSupplier cancelled) {
    Map<ObjectId, ObjectHealth> pending = new LinkedHashMap<>();
    ids.forEach(id -> pending.put(id, new ObjectHealth(id, Health.unknown("not checked yet"))));
    boolean[] failed = {false};
    boolean[] stopped = {false};
    boolean finished =
        poller.await(
            () -> {
              if (cancelled.getAsBoolean()) {
                stopped[0] = true;
                return true;
              }
              for (ObjectId id : new ArrayList<>(pending.keySet())) {
                ObjectHealth health = check(id);
                if (health.health().isCurrent()) {
                  pending.remove(id);
                } else {
                  pending.put(id, health);
                  if (health.health().status() == HealthStatus.FAILED) {
                    failed[0] = true;
                  }
                }
              }
              return pending.isEmpty() || failed[0];
            },
            timeout);
    List<ObjectHealth> notReady = List.copyOf(pending.values());
    if (stopped[0]) {
      return WaitResult.of(WaitResult.Outcome.CANCELLED, notReady, "wait cancelled; not ready: ");
    }
    if (finished && !failed[0]) {
      return WaitResult.of(WaitResult.Outcome.HEALTHY, notReady, "");
    }
    if (failed[0]) {
      return WaitResult.of(WaitResult.Outcome.FAILED, notReady, "health check failed: ");
    }
    return WaitResult.of(
        WaitResult.Outcome.TIMED_OUT,
        notReady,
        "timed out after " + timeout.toSeconds() + "s waiting for: ");
  }

  private ObjectHealth check(ObjectId id) {
    Optional<KubeObject> live;
    try {
      live = cluster.get(id);
    } catch (ClusterException e) {
      return new ObjectHealth(id, Health.unknown(e.getMessage()));
    }
    if (live.isEmpty()) {
      return new ObjectHealth(id, Health.notFound());
    }
    return new ObjectHealth(id, probe.check(live.get()));
  }
}

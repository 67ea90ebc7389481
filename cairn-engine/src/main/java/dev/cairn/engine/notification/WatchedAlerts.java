package dev.cairn.engine.notification;

import dev.cairn.api.notification.Alert;
import dev.cairn.notify.AlertRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Every Alert in the cluster, kept by one watch, so recording an event costs no list of Alerts. The
 * rules are built once per change of the Alerts (any add, update or delete the watch delivers) and
 * reused by every event until the next change. While the watch is not listed or not watching (the
 * API server went away), {@link #rules} is empty and the caller lists from the server.
 */
final class WatchedAlerts implements AutoCloseable {
  private record Built(long changes, List<AlertRule> rules) {}

  private final SharedIndexInformer<Alert> informer;
  private final AtomicLong changes = new AtomicLong();
  private volatile Built built;

  WatchedAlerts(KubernetesClient client) {
    this.informer = client.resources(Alert.class).inAnyNamespace().runnableInformer(0);
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Alert alert) {
            changes.incrementAndGet();
          }

          @Override
          public void onUpdate(Alert before, Alert after) {
            changes.incrementAndGet();
          }

          @Override
          public void onDelete(Alert alert, boolean unknownFinalState) {
            changes.incrementAndGet();
          }
        });
  }

  /** Starts listing and watching; returns at once. */
  void start() {
    informer.start();
  }

  /**
   * The rules of the Alerts the watch holds, built with {@code build}; empty while the watch cannot
   * be trusted.
   */
  Optional<List<AlertRule>> rules(Function<Collection<Alert>, List<AlertRule>> build) {
    if (!informer.isRunning() || !informer.hasSynced() || !informer.isWatching()) {
      return Optional.empty();
    }
    // the store is updated before the handler counts the change: rules built from a store that
    // already holds a change are at worst built again once the count moves
    long seen = changes.get();
    Built last = built;
    if (last != null && last.changes() == seen) {
      return Optional.of(last.rules());
    }
    List<AlertRule> rules = List.copyOf(build.apply(informer.getStore().list()));
    built = new Built(seen, rules);
    return Optional.of(rules);
  }

  @Override
  public void close() {
    informer.close();
  }
}

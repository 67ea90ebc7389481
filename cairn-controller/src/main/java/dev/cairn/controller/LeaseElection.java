package dev.cairn.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaigns for a Lease with fabric8's {@link LeaderElector}; runs {@code onStart} when this
 * process becomes the leader and {@code onStop} when it stops being one. A lost lease puts the
 * process back among the candidates; {@link #close()} releases a held lease.
 */
final class LeaseElection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseElection.class);

  private final KubernetesClient client;
  private final LeaderElection options;
  private final Runnable onStart;
  private final Runnable onStop;
  private final ExecutorService executor;
  private volatile boolean leader;
  private volatile boolean closed;
  private LeaderElector elector;
  private CompletableFuture<?> running;

  LeaseElection(
      KubernetesClient client, LeaderElection options, Runnable onStart, Runnable onStop) {
    this.client = client;
    this.options = options;
    this.onStart = onStart;
    this.onStop = onStop;
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "cairn-leader-election");
              thread.setDaemon(true);
              return thread;
            });
  }

  boolean isLeader() {
    return leader;
  }

  synchronized void start() {
    if (closed) {
      return;
    }
    elector =
        new LeaderElector(
            client,
            new LeaderElectionConfigBuilder()
                .withName(options.leaseName())
                .withLock(
                    new LeaseLock(
                        options.leaseNamespace(), options.leaseName(), options.identity()))
                .withLeaseDuration(options.leaseDuration())
                .withRenewDeadline(options.renewDeadline())
                .withRetryPeriod(options.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(
                    new LeaderCallbacks(this::started, this::stopped, this::newLeader))
                .build(),
            executor);
    running = elector.start();
    running.whenComplete((ignored, error) -> campaignEnded());
  }

  private void started() {
    LOG.info(
        "{} acquired lease {}/{}",
        options.identity(),
        options.leaseNamespace(),
        options.leaseName());
    leader = true;
    onStart.run();
  }

  private void stopped() {
    if (!leader) {
      return;
    }
    leader = false;
    LOG.info("{} stopped leading", options.identity());
    onStop.run();
  }

  private void newLeader(String identity) {
    LOG.info("lease {}/{} is held by {}", options.leaseNamespace(), options.leaseName(), identity);
  }

  /** The elector returns after losing the lease; campaign again unless closing. */
  private void campaignEnded() {
    stopped();
    if (!closed) {
      executor.execute(this::start);
    }
  }

  /** Stops campaigning and releases the lease if held ({@code onStop} runs first). */
  @Override
  public void close() {
    CompletableFuture<?> campaign;
    synchronized (this) {
      closed = true;
      campaign = running;
    }
    stopped();
    if (campaign != null) {
      campaign.cancel(true);
    }
    if (elector != null) {
      elector.release();
    }
    executor.shutdownNow();
  }
}

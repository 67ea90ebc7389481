package dev.cairn.controller;

import java.time.Duration;
import java.util.Objects;

/**
 * Leader election through a {@code coordination.k8s.io/v1} Lease: only the holder reconciles.
 *
 * @param leaseName the Lease's name
 * @param leaseNamespace the Lease's namespace
 * @param identity this process's identity in the Lease ({@code holderIdentity})
 * @param leaseDuration how long a holder keeps the Lease without renewing it
 * @param renewDeadline how long the holder keeps trying to renew before it gives up leading
 * @param retryPeriod how often candidates try to acquire, and the holder to renew
 */
public record LeaderElection(
    String leaseName,
    String leaseNamespace,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  public LeaderElection {
    Objects.requireNonNull(leaseName, "leaseName");
    Objects.requireNonNull(leaseNamespace, "leaseNamespace");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    Objects.requireNonNull(renewDeadline, "renewDeadline");
    Objects.requireNonNull(retryPeriod, "retryPeriod");
    if (renewDeadline.compareTo(leaseDuration) >= 0) {
      throw new IllegalArgumentException(
          "leader election: renewDeadline ("
              + renewDeadline
              + ") must be shorter than leaseDuration ("
              + leaseDuration
              + ")");
    }
  }

  /** Lease {@code cairn-controller-leader} in {@code namespace}, Flux's timings (35s/30s/5s). */
  public static LeaderElection inNamespace(String namespace, String identity) {
    return new LeaderElection(
        "cairn-controller-leader",
        namespace,
        identity,
        Duration.ofSeconds(35),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5));
  }

  public LeaderElection withLeaseName(String name) {
    return new LeaderElection(
        name, leaseNamespace, identity, leaseDuration, renewDeadline, retryPeriod);
  }

  public LeaderElection withIdentity(String id) {
    return new LeaderElection(
        leaseName, leaseNamespace, id, leaseDuration, renewDeadline, retryPeriod);
  }

  /** All three timings at once, since they must stay ordered. */
  public LeaderElection withTimings(Duration lease, Duration renew, Duration retry) {
    return new LeaderElection(leaseName, leaseNamespace, identity, lease, renew, retry);
  }
}

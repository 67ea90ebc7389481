package dev.cairn.controller;

import dev.cairn.engine.Tenancy;
import dev.cairn.source.git.GitUrlRewrites;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a {@link CairnRuntime} runs.
 *
 * @param storagePath where artifacts ({@code artifacts/}) and Git mirrors ({@code git/}) live
 * @param artifactBaseUrl the base URL written into {@code status.artifact.url}
 * @param namespaces the namespaces watched; empty means all
 * @param maxConcurrentReconciles how many objects are reconciled at the same time
 * @param leaderElection the Lease to hold before reconciling; null means no leader election
 * @param shutdownTimeout how long {@code close()} waits for reconciles in flight
 * @param fieldManager the field manager of server-side applies and the source of events
 * @param dependencyRequeue how long an object waiting for a dependency or a source waits before
 *     looking again (Flux's {@code --requeue-dependency}); a dependency that becomes ready triggers
 *     it at once
 * @param gitUrlRewrites Git URLs fetched from elsewhere (git's {@code insteadOf}); {@code cairn up}
 *     maps a fleet's remotes to the copy it serves
 * @param labelSelector only objects whose labels match are reconciled (Flux's {@code
 *     --watch-label-selector}, e.g. {@code sharding.fluxcd.io/key in (shard1)}); null means all
 * @param tenancy Flux's multi-tenancy lockdown: cross-namespace references blocked, the default
 *     service account of Kustomizations and HelmReleases; null means none
 */
public record RuntimeOptions(
    Path storagePath,
    String artifactBaseUrl,
    Set<String> namespaces,
    int maxConcurrentReconciles,
    LeaderElection leaderElection,
    Duration shutdownTimeout,
    String fieldManager,
    Duration dependencyRequeue,
    GitUrlRewrites gitUrlRewrites,
    String labelSelector,
    Tenancy tenancy) {

  public RuntimeOptions {
    Objects.requireNonNull(storagePath, "storagePath");
    Objects.requireNonNull(artifactBaseUrl, "artifactBaseUrl");
    namespaces = Set.copyOf(namespaces);
    if (maxConcurrentReconciles < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentReconciles must be at least 1, was " + maxConcurrentReconciles);
    }
    Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    Objects.requireNonNull(fieldManager, "fieldManager");
    if (dependencyRequeue == null || dependencyRequeue.isNegative() || dependencyRequeue.isZero()) {
      throw new IllegalArgumentException(
          "dependencyRequeue must be positive, was " + dependencyRequeue);
    }
    gitUrlRewrites = gitUrlRewrites == null ? GitUrlRewrites.none() : gitUrlRewrites;
    labelSelector = labelSelector == null || labelSelector.isBlank() ? null : labelSelector.strip();
    tenancy = tenancy == null ? Tenancy.open() : tenancy;
  }

  /**
   * Storage under {@code ./cairn-data}, artifacts served as {@code
   * http://cairn-source.cairn-system./}, all namespaces, 16 concurrent reconciles, no leader
   * election, 30 s to finish reconciles on close, 30 s dependency requeue (Flux's default).
   * Sixteen, not Flux's four: a health wait holds its worker while it polls, and with four a
   * 1,000-Kustomization fleet took 95 s to become Ready on 2 cores against 48 s with sixteen
   * (docs/benchmarks.md).
   */
  public static RuntimeOptions defaults() {
    return new RuntimeOptions(
        Path.of("cairn-data"),
        "http://cairn-source.cairn-system./",
        Set.of(),
        16,
        null,
        Duration.ofSeconds(30),
        "cairn",
        Duration.ofSeconds(30),
        GitUrlRewrites.none(),
        null,
        Tenancy.open());
  }

  /** Only objects matching {@code selector} (a Kubernetes label selector); null or blank: all. */
  public RuntimeOptions withLabelSelector(String selector) {
    return new RuntimeOptions(
        storagePath,
        artifactBaseUrl,
        namespaces,
        maxConcurrentReconciles,
        leaderElection,
        shutdownTimeout,
        fieldManager,
        dependencyRequeue,
        gitUrlRewrites,
        selector,
        tenancy);
  }

  public Optional<String> labelSelectorConfig() {
    return Optional.ofNullable(labelSelector);
  }

  public Optional<LeaderElection> leaderElectionConfig() {
    return Optional.ofNullable(leaderElection);
  }

  public RuntimeOptions withStoragePath(Path path) {
    return new RuntimeOptions(
        path,
        artifactBaseUrl,
        namespaces,
        maxConcurrentReconciles,
        leaderElection,
        shutdownTimeout,
        fieldManager,
        dependencyRequeue,
        gitUrlRewrites,
        labelSelector,
        tenancy);
  }

  public RuntimeOptions withArtifactBaseUrl(String url) {
    return new RuntimeOptions(
        storagePath,
        url,
        namespaces,
        maxConcurrentReconciles,
        leaderElection,
        shutdownTimeout,
        fieldManager,
        dependencyRequeue,
        gitUrlRewrites,
        labelSelector,
        tenancy);
  }

  public RuntimeOptions withNamespaces(Set<String> watched) {
    return new RuntimeOptions(
        storagePath,
        artifactBaseUrl,
        watched,
        maxConcurrentReconciles,
        leaderElection,
        shutdownTimeout,
        fieldManager,
        dependencyRequeue,
        gitUrlRewrites,
        labelSelector,
        tenancy);
  }

  public RuntimeOptions withMaxConcurrentReconciles(int max) {
    return new RuntimeOptions(
        storagePath,
        artifactBaseUrl,
        namespaces,
        max,
        leaderElection,
        shutdownTimeout,
        fieldManager,
        dependencyRequeue,
        gitUrlRewrites,
        labelSelector,
        tenancy);
  }

  /** Leader election with {@code election}; null disables it. */
  public RuntimeOptions withLeaderElection(LeaderElection election) {
    return new RuntimeOptions(
        storagePath,
        artifactBaseUrl,
        namespaces,
        maxConcurrentReconciles,
        election,
        shutdownTimeout,
        fieldManager,
        dependencyRequeue,
        gitUrlRewrites,
        labelSelector,
        tenancy);
  }

  public RuntimeOptions withShutdownTimeout(Duration timeout) {
    return new RuntimeOptions(
        storagePath,
        artifactBaseUrl,
        namespaces,
        maxConcurrentReconciles,
        leaderElection,
        timeout,
        fieldManager,
        dependencyRequeue,
        gitUrlRewrites,
        labelSelector,
        tenancy);
  }

  public RuntimeOptions withFieldManager(String manager) {
    return new RuntimeOptions(
        storagePath,
        artifactBaseUrl,
        namespaces,
        maxConcurrentReconciles,
        leaderElection,
        shutdownTimeout,
        manager,
        dependencyRequeue,
        gitUrlRewrites,
        labelSelector,
        tenancy);
  }

  public RuntimeOptions withDependencyRequeue(Duration value) {
    return new RuntimeOptions(
        storagePath,
        artifactBaseUrl,
        namespaces,
        maxConcurrentReconciles,
        leaderElection,
        shutdownTimeout,
        fieldManager,
        value,
        gitUrlRewrites,
        labelSelector,
        tenancy);
  }

  public RuntimeOptions withGitUrlRewrites(GitUrlRewrites rewrites) {
    return new RuntimeOptions(
        storagePath,
        artifactBaseUrl,
        namespaces,
        maxConcurrentReconciles,
        leaderElection,
        shutdownTimeout,
        fieldManager,
        dependencyRequeue,
        rewrites,
        labelSelector,
        tenancy);
  }

  public RuntimeOptions withTenancy(Tenancy value) {
    return new RuntimeOptions(
        storagePath,
        artifactBaseUrl,
        namespaces,
        maxConcurrentReconciles,
        leaderElection,
        shutdownTimeout,
        fieldManager,
        dependencyRequeue,
        gitUrlRewrites,
        labelSelector,
        value);
  }
}

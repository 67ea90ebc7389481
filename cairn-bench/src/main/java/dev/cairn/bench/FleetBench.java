package dev.cairn.bench;

import dev.cairn.api.ConditionTypes;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.source.GitRepository;
import dev.cairn.controller.CairnRuntime;
import dev.cairn.controller.RuntimeOptions;
import dev.cairn.engine.ReconcileRequest;
import dev.cairn.sim.git.GitHttpServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Flux's Kustomization benchmark: N Kustomizations, each applying the benchmark app (Deployment
 * with 0 replicas, ServiceAccount, Service, Ingress) from its own folder of one Git repository,
 * reconciled by {@link CairnRuntime} against a simulated cluster whose readiness simulator plays
 * the workload controllers. Measures the time from start to all Ready, the peak heap (with {@code
 * --cluster}, of the runtime apart from the cluster's JVM), the requests by verb and resource of
 * the initial round and of a steady round (one more reconcile of every Kustomization with nothing
 * changed), and the reconcile latency of both from the runtime's own timer; writes the heap series
 * to a CSV file. The Git server always runs in this JVM (a few MiB).
 *
 * <pre>{@code
 * ./mvnw -B -q -pl cairn-bench -am package -DskipTests
 * java -Xmx256m -cp "cairn-bench/target/classes:$(cat cairn-bench/target/classpath.txt)" \
 *     dev.cairn.bench.FleetBench 1000 16 [600] [--cluster KUBECONFIG] [--shard-key shard-1] \
 *     [--heap-csv FILE]
 * }</pre>
 *
 * Arguments: number of Kustomizations (1000), concurrent reconciles (16), seconds to wait (600);
 * {@code --shared-folder}: every Kustomization renders the one folder {@code apps/shared/} and
 * substitutes its own name into it ({@code postBuild.substitute}), as a fleet of tenants or
 * clusters over one base does; {@code --cluster}: a kubeconfig written by {@link SimClusterMain};
 * {@code --shard-key KEY}: the Kustomizations and their GitRepository are labelled {@code
 * sharding.fluxcd.io/key: KEY} (and named after it) and the runtime watches only that label, as one
 * of several sharded controllers.
 */
public final class FleetBench {
  static final String NS = "bench";

  private FleetBench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse("fleet", args);
    int count = options.number(0, 1000);
    int workers = options.number(1, 16);
    int timeout = options.number(2, 600);
    BenchReport report = new BenchReport("fleet", options.shardKey());
    Path temp = Files.createTempDirectory("cairn-fleet-bench-");
    try (HeapSampler heap = HeapSampler.start(options.heapCsv());
        BenchCluster cluster = BenchCluster.of(options);
        GitHttpServer git = GitHttpServer.start(temp.resolve("repos"))) {
      KubernetesClient client = cluster.client();
      String revision = prepare(cluster, git, temp, count, options);
      long setupHeap = heap.usedNow();
      heap.resetMax();
      var wait =
          new ReadyWait<>(
              client,
              Kustomization.class,
              NS,
              options.labelSelector(),
              count,
              FleetBench::readyReason);

      var requestsBefore = cluster.requests();
      long start = System.nanoTime();
      try (CairnRuntime runtime =
          new CairnRuntime(
              client,
              RuntimeOptions.defaults()
                  .withStoragePath(temp.resolve("storage"))
                  .withNamespaces(Set.of(NS))
                  .withMaxConcurrentReconciles(workers)
                  .withLabelSelector(options.labelSelector()))) {
        var latencyBefore = ReconcileLatency.snapshot(runtime.meterRegistry(), "Kustomization");
        runtime.start();
        long readyAt =
            wait.until(
                k -> appliedAndReady(k, revision),
                () -> ReconcileLatency.readyCount(runtime.meterRegistry(), "Kustomization"),
                timeout);
        var initialLatency =
            ReconcileLatency.between(
                latencyBefore, ReconcileLatency.snapshot(runtime.meterRegistry(), "Kustomization"));
        var initial = RequestTally.between(requestsBefore, cluster.requests());
        long peak = heap.max();

        var steadyRequestsBefore = cluster.requests();
        var steadyLatencyBefore =
            ReconcileLatency.snapshot(runtime.meterRegistry(), "Kustomization");
        long steadyStart = System.nanoTime();
        String token = "bench-" + System.currentTimeMillis();
        for (int i = 0; i < count; i++) {
          requestReconcile(client, Kustomization.class, name(options, i), token);
        }
        wait.until(
            k -> k.getStatus() != null && token.equals(k.getStatus().getLastHandledReconcileAt()),
            () ->
                ReconcileLatency.ranSince(
                    runtime.meterRegistry(), "Kustomization", steadyLatencyBefore),
            timeout);
        long steadyEnd = System.nanoTime();
        var steadyLatency =
            ReconcileLatency.between(
                steadyLatencyBefore,
                ReconcileLatency.snapshot(runtime.meterRegistry(), "Kustomization"));
        var steady = RequestTally.between(steadyRequestsBefore, cluster.requests());

        report.result(
            "setup",
            "kustomizations=%d workers=%d cores=%d maxHeap=%dMiB cluster %s"
                .formatted(
                    count,
                    workers,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    cluster.where()));
        report.result("all Ready seconds", BenchReport.seconds(start, readyAt));
        report.mib("peak heap used (this JVM)", peak);
        report.mib("heap after setup (this JVM)", setupHeap);
        cluster.clusterPeakHeap().ifPresent(b -> report.mib("peak heap used (cluster JVM)", b));
        report.result("heap series CSV", options.heapCsv().toAbsolutePath());
        report.result("initial reconcile latency", initialLatency.format());
        initial.print(report, "initial");
        report.result("steady round seconds", BenchReport.seconds(steadyStart, steadyEnd));
        report.result("steady reconcile latency", steadyLatency.format());
        report.result(
            "steady writes, server-side dry-run applies included (not status, requestedAt, events)",
            steady.objectWrites(
                "patch kustomizations.cairn.dev/status", "patch kustomizations.cairn.dev"));
        report.result("steady event writes", steady.eventWrites());
        steady.print(report, "steady");
        if (options.shardKey() != null || options.cluster() != null) {
          report.result(
              "note",
              "request counts are the cluster's, from every client (other shards included)");
        }
      }
    }
  }

  static String name(BenchOptions options, int i) {
    return BenchApps.name(options.namePrefix(), i);
  }

  private static String prepare(
      BenchCluster cluster, GitHttpServer git, Path temp, int count, BenchOptions options) {
    KubernetesClient client = cluster.client();
    cluster.ensureNamespace(NS);
    String repo = options.namePrefix() + "fleet";
    BenchApps apps =
        options.sharedFolder()
            ? BenchApps.pushShared(git, temp.resolve("work"), repo, NS)
            : BenchApps.push(git, temp.resolve("work"), repo, options.namePrefix(), count, NS);
    String labels = labels(options);
    create(
        client,
        GitRepository.class,
        """
        apiVersion: cairn.dev/v1
        kind: GitRepository
        metadata: {name: %s, namespace: %s, labels: %s}
        spec: {url: "%s", interval: 60m, ref: {branch: main}}
        """
            .formatted(repo, NS, labels, apps.url()));
    for (int i = 0; i < count; i++) {
      create(
          client,
          Kustomization.class,
          """
          apiVersion: cairn.dev/v1
          kind: Kustomization
          metadata: {name: %s, namespace: %s, labels: %s}
          spec:
            interval: 60m
            retryInterval: 10s
            timeout: 2m
            path: ./apps/%s
            prune: true
            wait: true
            sourceRef: {kind: GitRepository, name: %s}
          %s"""
              .formatted(
                  name(options, i),
                  NS,
                  labels,
                  options.sharedFolder() ? "shared" : name(options, i),
                  repo,
                  options.sharedFolder()
                      ? "  postBuild: {substitute: {name: " + name(options, i) + "}}\n"
                      : ""));
    }
    return "main@sha1:" + apps.sha();
  }

  /** The shard's label as a YAML flow map, or {@code {}}. */
  static String labels(BenchOptions options) {
    return options.shardKey() == null
        ? "{}"
        : "{" + BenchOptions.SHARD_LABEL + ": " + options.shardKey() + "}";
  }

  static <T extends HasMetadata> void create(KubernetesClient client, Class<T> kind, String yaml) {
    client.resource(client.getKubernetesSerialization().unmarshal(yaml, kind)).create();
  }

  /** Sets {@code reconcile.cairn.dev/requestedAt} to {@code token}: one more reconcile, please. */
  static <T extends HasMetadata> void requestReconcile(
      KubernetesClient client, Class<T> kind, String name, String token) {
    client
        .resources(kind)
        .inNamespace(NS)
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\""
                + ReconcileRequest.ANNOTATION
                + "\":\""
                + token
                + "\"}}}");
  }

  private static boolean appliedAndReady(Kustomization k, String revision) {
    return k.getStatus() != null
        && revision.equals(k.getStatus().getLastAppliedRevision())
        && k.getStatus().getConditions() != null
        && k.getStatus().getConditions().stream()
            .anyMatch(
                c -> ConditionTypes.READY.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String readyReason(Kustomization k) {
    return k.getStatus() == null || k.getStatus().getConditions() == null
        ? "no status"
        : k.getStatus().getConditions().stream()
            .filter(c -> ConditionTypes.READY.equals(c.getType()))
            .map(c -> c.getStatus() + "/" + c.getReason())
            .findFirst()
            .orElse("no Ready");
  }
}

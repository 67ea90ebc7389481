package dev.cairn.bench;

import dev.cairn.api.ConditionTypes;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.source.GitRepository;
import dev.cairn.controller.CairnRuntime;
import dev.cairn.controller.RuntimeOptions;
import dev.cairn.engine.ReconcileRequest;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.cluster.SimulatedCluster;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Flux's Kustomization benchmark, in-process: N Kustomizations, each applying the benchmark app
 * (Deployment with 0 replicas, ServiceAccount, Service, Ingress) from its own folder of one Git
 * repository, reconciled by {@link CairnRuntime} against a {@link SimulatedCluster} whose readiness
 * simulator plays the workload controllers. Prints the time from start to all Ready, the peak heap
 * of the whole JVM (simulated cluster and Git server included), and the requests one more reconcile
 * of every Kustomization makes at steady state, object writes apart from status patches.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl cairn-bench -am package -DskipTests
 * java -Xmx256m -cp "cairn-bench/target/classes:$(cat cairn-bench/target/classpath.txt)" \
 *     dev.cairn.bench.FleetBench 1000 16
 * }</pre>
 *
 * Arguments: number of Kustomizations (1000), concurrent reconciles (16), seconds to wait (600).
 */
public final class FleetBench {
  private static final String NS = "bench";

  private FleetBench() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int workers = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int timeout = args.length > 2 ? Integer.parseInt(args[2]) : 600;
    Path temp = Files.createTempDirectory("cairn-fleet-bench-");
    HeapSampler heap = HeapSampler.start();
    try (SimulatedCluster cluster = SimulatedCluster.start();
        GitHttpServer git = GitHttpServer.start(temp.resolve("repos"))) {
      KubernetesClient client = cluster.client();
      String revision = prepare(client, git, temp, count);
      long setupHeap = heap.usedNow();
      heap.resetMax();

      long start = System.nanoTime();
      try (CairnRuntime runtime =
          new CairnRuntime(
              client,
              RuntimeOptions.defaults()
                  .withStoragePath(temp.resolve("storage"))
                  .withNamespaces(Set.of(NS))
                  .withMaxConcurrentReconciles(workers))) {
        runtime.start();
        long readyAt = waitUntil(client, count, k -> appliedAndReady(k, revision), timeout);
        double seconds = (readyAt - start) / 1e9;
        long peak = heap.max();

        cluster.requests().reset();
        String token = "bench-" + System.currentTimeMillis();
        for (int i = 0; i < count; i++) {
          client
              .resources(Kustomization.class)
              .inNamespace(NS)
              .withName(name(i))
              .patch(
                  PatchContext.of(PatchType.JSON_MERGE),
                  "{\"metadata\":{\"annotations\":{\""
                      + ReconcileRequest.ANNOTATION
                      + "\":\""
                      + token
                      + "\"}}}");
        }
        long steadyStart = System.nanoTime();
        waitUntil(
            client,
            count,
            k -> k.getStatus() != null && token.equals(k.getStatus().getLastHandledReconcileAt()),
            600);
        double steadySeconds = (System.nanoTime() - steadyStart) / 1e9;
        Map<String, Long> requests = new TreeMap<>(cluster.requests().snapshot());
        report(count, workers, seconds, peak, setupHeap, steadySeconds, requests);
      }
    } finally {
      heap.stop();
    }
  }

  private static String prepare(KubernetesClient client, GitHttpServer git, Path temp, int count) {
    CairnCrdInstaller.installAll(client);
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    String url = git.createRepository("fleet");
    GitWorkingCopy work = GitWorkingCopy.init(temp.resolve("work"));
    for (int i = 0; i < count; i++) {
      work.write("apps/" + name(i) + "/app.yaml", app(name(i)));
      work.write("apps/" + name(i) + "/kustomization.yaml", "resources: [app.yaml]\n");
    }
    String sha = work.commitAll("fleet");
    work.push(url);
    create(
        client,
        GitRepository.class,
        """
        apiVersion: cairn.dev/v1
        kind: GitRepository
        metadata: {name: fleet, namespace: %s}
        spec: {url: "%s", interval: 60m, ref: {branch: main}}
        """
            .formatted(NS, url));
    for (int i = 0; i < count; i++) {
      create(
          client,
          Kustomization.class,
          """
          apiVersion: cairn.dev/v1
          kind: Kustomization
          metadata: {name: %s, namespace: %s}
          spec:
            interval: 60m
            retryInterval: 10s
            timeout: 2m
            path: ./apps/%s
            prune: true
            wait: true
            sourceRef: {kind: GitRepository, name: fleet}
          """
              .formatted(name(i), NS, name(i)));
    }
    return "main@sha1:" + sha;
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> void create(
      KubernetesClient client, Class<T> kind, String yaml) {
    client.resource(client.getKubernetesSerialization().unmarshal(yaml, kind)).create();
  }

  static String name(int i) {
    return "app-%04d".formatted(i);
  }

  /**
   * The objects of Flux's benchmark app, with their namespace (no {@code targetNamespace}: any Flux
   * overlay, or a folder without kustomization.yaml, makes cairn-render copy the artifact first).
   */
  static String app(String name) {
    return """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: %1$s, namespace: %2$s}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %1$s, namespace: %2$s, labels: {app: %1$s}}
        spec:
          replicas: 0
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              serviceAccountName: %1$s
              containers:
              - name: podinfo
                image: ghcr.io/stefanprodan/podinfo:6.5.0
                ports: [{name: http, containerPort: 9898}]
                resources: {requests: {cpu: 10m, memory: 16Mi}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: %1$s, namespace: %2$s}
        spec:
          selector: {app: %1$s}
          ports: [{name: http, port: 9898, targetPort: http}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: %1$s, namespace: %2$s}
        spec:
          rules:
          - host: %1$s.example.com
            http:
              paths:
              - path: /
                pathType: Prefix
                backend: {service: {name: %1$s, port: {name: http}}}
        """
        .formatted(name, NS);
  }

  private static boolean appliedAndReady(Kustomization k, String revision) {
    return k.getStatus() != null
        && revision.equals(k.getStatus().getLastAppliedRevision())
        && k.getStatus().getConditions() != null
        && k.getStatus().getConditions().stream()
            .anyMatch(
                c -> ConditionTypes.READY.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Lists the Kustomizations every 250 ms until all match; returns the time they did. */
  private static long waitUntil(
      KubernetesClient client, int count, Predicate<Kustomization> done, int timeoutSeconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    int polls = 0;
    while (System.nanoTime() < deadline) {
      List<Kustomization> items =
          client.resources(Kustomization.class).inNamespace(NS).list().getItems();
      long matching = items.stream().filter(done).count();
      if (matching == count) {
        return System.nanoTime();
      }
      if (++polls % 20 == 0) {
        System.out.println(
            matching + "/" + count + " done; not done by Ready reason: " + reasons(items, done));
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("not all Kustomizations got there in " + timeoutSeconds + "s");
  }

  private static Map<String, Long> reasons(
      List<Kustomization> items, Predicate<Kustomization> done) {
    Map<String, Long> reasons = new TreeMap<>();
    for (Kustomization k : items) {
      if (done.test(k)) {
        continue;
      }
      String reason =
          k.getStatus() == null || k.getStatus().getConditions() == null
              ? "no status"
              : k.getStatus().getConditions().stream()
                  .filter(c -> ConditionTypes.READY.equals(c.getType()))
                  .map(c -> c.getStatus() + "/" + c.getReason())
                  .findFirst()
                  .orElse("no Ready");
      reasons.merge(reason, 1L, Long::sum);
    }
    return reasons;
  }

  private static void report(
      int count,
      int workers,
      double seconds,
      long peak,
      long setupHeap,
      double steadySeconds,
      Map<String, Long> requests) {
    long statusPatches = requests.getOrDefault("patch kustomizations.cairn.dev/status", 0L);
    long requestPatches = requests.getOrDefault("patch kustomizations.cairn.dev", 0L);
    long objectWrites = 0;
    long events = 0;
    for (Map.Entry<String, Long> e : requests.entrySet()) {
      String verb = e.getKey().substring(0, e.getKey().indexOf(' '));
      boolean write = !Set.of("get", "list", "watch").contains(verb);
      if (!write
          || e.getKey().equals("patch kustomizations.cairn.dev/status")
          || e.getKey().equals("patch kustomizations.cairn.dev")) {
        continue;
      }
      if (e.getKey().endsWith(" events")) {
        events += e.getValue();
      } else {
        objectWrites += e.getValue();
      }
    }
    System.out.printf(
        "kustomizations=%d workers=%d cores=%d maxHeap=%dMiB%n",
        count,
        workers,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("all Ready after %.1f s%n", seconds);
    System.out.printf(
        "peak heap used %d MiB (JVM total: runtime + simulated cluster + Git server; %d MiB after"
            + " setup)%n",
        peak >> 20, setupHeap >> 20);
    System.out.printf(
        "steady state: one reconcile of each, %.1f s; requestedAt annotation patches (the"
            + " benchmark's own) %d, status patches %d, event writes %d, object writes %d%n",
        steadySeconds, requestPatches, statusPatches, events, objectWrites);
    System.out.println("requests during the steady-state interval: " + requests);
  }

  /** Samples the heap in use every 20 ms and keeps the maximum. */
  private static final class HeapSampler implements Runnable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong max = new AtomicLong();
    private final Thread thread = new Thread(this, "heap-sampler");
    private volatile boolean running = true;

    static HeapSampler start() {
      HeapSampler sampler = new HeapSampler();
      sampler.thread.setDaemon(true);
      sampler.thread.start();
      return sampler;
    }

    @Override
    public void run() {
      while (running) {
        max.accumulateAndGet(usedNow(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long usedNow() {
      return memory.getHeapMemoryUsage().getUsed();
    }

    void resetMax() {
      max.set(usedNow());
    }

    long max() {
      return max.get();
    }

    void stop() {
      running = false;
      thread.interrupt();
    }
  }
}

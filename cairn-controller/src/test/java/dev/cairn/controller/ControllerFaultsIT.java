package dev.cairn.controller;

import static dev.cairn.controller.GitOpsFixture.configMapYaml;
import static dev.cairn.controller.GitOpsFixture.isReady;
import static dev.cairn.controller.GitOpsFixture.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.InventoryEntry;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.api.source.GitRepository;
import dev.cairn.sim.cluster.HeldWrite;
import dev.cairn.sim.cluster.RequestCounter.Verb;
import dev.cairn.sim.cluster.SimulatedCluster;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The controller under faults, each ending converged: Ready at the newest commit, the inventory
 * equal to the objects carrying the owner labels, nothing orphaned. An API-server restart (watches
 * dropped, 410 Gone), a controller stopped in the middle of an apply and another started, and two
 * controllers that both act for a while.
 */
@ExtendWith(ClusterExtension.class)
class ControllerFaultsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static GitOpsFixture fixture;
  private final List<CairnRuntime> runtimes = new ArrayList<>();
  private final List<KubernetesClient> clients = new ArrayList<>();

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    Assumptions.assumeTrue(cluster.isSimulated(), "restarts and holds the simulated API server");
    fixture = GitOpsFixture.start(cluster);
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @AfterEach
  void closeRuntimes() {
    runtimes.forEach(CairnRuntime::close);
    clients.forEach(KubernetesClient::close);
  }

  @Test
  void afterAnApiServerRestartDriftIsCorrectedByTheNextRunAndANewCommitIsApplied(
      TestCluster cluster) throws Exception {
    SimulatedCluster simulated = cluster.simulated().orElseThrow();
    CairnRuntime runtime = start(cluster.client(), fixture.options("restart"));
    GitOpsFixture.Repo repo = fixture.repo(cluster, "restart");
    repo.work().write("app/a.yaml", configMapYaml("a", "one"));
    repo.commit("first");
    fixture.createSource(repo, "10m");
    fixture.createKustomization(repo, "app", "10m", "./app");
    awaitApplied(repo, repo.work().head());

    simulated.restart();
    edit(cluster, repo, "a", "drifted");
    Map<String, AtomicInteger> changes = new java.util.concurrent.ConcurrentHashMap<>();
    try (Watch watch = countChanges(cluster, repo, changes)) {
      cluster.requests().reset();
      requestAndAwait(repo, "after-restart");

      assertThat(value(cluster, repo, "a")).as("drift corrected by the next run").isEqualTo("one");
      await().atMost(WAIT).until(() -> changes.containsKey("a"));
      assertThat(changes.get("a").get()).as("a written once").isEqualTo(1);
    }
    for (Verb verb : new Verb[] {Verb.CREATE, Verb.UPDATE, Verb.PATCH, Verb.DELETE}) {
      assertThat(cluster.requests().count(verb, "configmaps"))
          .as("%s configmaps: only server-side apply writes: %s", verb, cluster.requests())
          .isZero();
    }

    repo.work().write("app/b.yaml", configMapYaml("b", "one"));
    String second = repo.commit("second, after the restart");
    fixture.requestReconcile(GitRepository.class, repo, "repo", "new-commit");
    awaitApplied(repo, second);
    assertConverged(cluster, repo, "a", "b");
    assertThat(runtime.isReady()).isTrue();
  }

  @Test
  void aControllerStoppedHalfWayThroughAnApplyLeavesNothingTheNextOneCannotPrune(
      TestCluster cluster) throws Exception {
    SimulatedCluster simulated = cluster.simulated().orElseThrow();
    KubernetesClient own = new KubernetesClientBuilder().withConfig(simulated.config()).build();
    clients.add(own);
    CairnRuntime first =
        start(own, fixture.options("halfway").withShutdownTimeout(Duration.ofSeconds(1)));
    GitOpsFixture.Repo repo = fixture.repo(cluster, "halfway");
    repo.work().write("app/a.yaml", configMapYaml("a", "one"));
    repo.work().write("app/b.yaml", configMapYaml("b", "one"));
    repo.commit("first");
    fixture.createSource(repo, "10m");
    fixture.createKustomization(repo, "app", "10m", "./app");
    awaitApplied(repo, repo.work().head());

    // the second commit drops b and adds c and z; the apply is stopped at z, after c
    HeldWrite held = simulated.holdNextWrite("configmaps", repo.ns(), "z");
    repo.work().delete("app/b.yaml");
    repo.work().write("app/c.yaml", configMapYaml("c", "one"));
    repo.work().write("app/z.yaml", configMapYaml("z", "one"));
    repo.commit("second");
    fixture.requestReconcile(GitRepository.class, repo, "repo", "second");
    assertThat(held.awaitHeld(WAIT)).as("the apply reached z").isTrue();
    assertThat(cluster.client().configMaps().inNamespace(repo.ns()).withName("c").get())
        .as("c was written before the stop")
        .isNotNull();

    // killed: its connections go first, so nothing it does afterwards reaches the cluster
    own.close();
    held.drop();
    first.close();
    assertThat(cluster.client().configMaps().inNamespace(repo.ns()).withName("z").get()).isNull();
    assertThat(inventory(fixture.kustomization(repo, "app").getStatus()))
        .as("the half-done apply is in the stored inventory")
        .contains(id(repo, "c"));

    // while no controller runs, the third commit drops c again
    repo.work().delete("app/c.yaml");
    String third = repo.commit("third");
    start(cluster.client(), fixture.options("halfway-next"));
    awaitApplied(repo, third);
    assertConverged(cluster, repo, "a", "z");
  }

  @Test
  void whileTheGitServerIsAwayTheSourceIsNotReadyAndTheLastRevisionStaysApplied(TestCluster cluster)
      throws Exception {
    start(cluster.client(), fixture.options("outage"));
    GitOpsFixture.Repo repo = fixture.repo(cluster, "outage");
    repo.work().write("app/a.yaml", configMapYaml("a", "one"));
    String first = repo.commit("first");
    fixture.createSource(repo, "10m");
    fixture.createKustomization(repo, "app", "10m", "./app");
    awaitApplied(repo, first);

    fixture.git.stopServing();
    try {
      fixture.requestReconcile(GitRepository.class, repo, "repo", "away");
      await()
          .atMost(WAIT)
          .until(
              () -> {
                Condition ready = ready(fixture.source(repo).getStatus()).orElse(null);
                return ready != null
                    && ready.getStatus().equals("False")
                    && ready.getMessage().contains(repo.url());
              });
      // a commit lands in the repository meanwhile (pushed to it directly)
      repo.work().write("app/b.yaml", configMapYaml("b", "one"));
      repo.work().commitAll("second, while the server is away");
      String second = repo.work().head();
      repo.work().push(fixture.git.repositoryDirectory(repo.ns()).toString());
      requestAndAwait(repo, "during-outage");
      KustomizationStatus during = fixture.kustomization(repo, "app").getStatus();
      assertThat(isReady(during)).as("the dependent stays Ready").isTrue();
      assertThat(during.getLastAppliedRevision()).isEqualTo("main@sha1:" + first);
      assertConverged(cluster, repo, "a");

      fixture.git.resumeServing();
      fixture.requestReconcile(GitRepository.class, repo, "repo", "back");
      awaitApplied(repo, second);
    } finally {
      fixture.git.resumeServing();
    }
    assertThat(isReady(fixture.source(repo).getStatus())).isTrue();
    assertConverged(cluster, repo, "a", "b");
  }

  @Test
  void twoControllersActingAtOnceApplyEachChangeOnceAndAfterwardsOneLeads(TestCluster cluster)
      throws Exception {
    String leaseNs = cluster.createNamespace("lease");
    LeaderElection election =
        LeaderElection.inNamespace(leaseNs, "unset")
            .withTimings(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofMillis(300));
    CairnRuntime leader =
        start(
            cluster.client(),
            fixture.options("leader").withLeaderElection(election.withIdentity("leader")));
    await().atMost(WAIT).until(leader::isReady);
    GitOpsFixture.Repo repo = fixture.repo(cluster, "overlap");
    repo.work().write("app/a.yaml", configMapYaml("a", "one"));
    repo.work().write("app/b.yaml", configMapYaml("b", "one"));
    repo.commit("first");
    fixture.createSource(repo, "10m");
    fixture.createKustomization(repo, "app", "10m", "./app");
    awaitApplied(repo, repo.work().head());
    Map<String, String> versionsBefore = resourceVersions(cluster, repo);
    Condition readyBefore = ready(fixture.kustomization(repo, "app").getStatus()).orElseThrow();

    // a second controller that believes it leads too (as one whose Lease ran out under a stalled
    // clock would): it runs every object again with the same field manager
    Map<String, AtomicInteger> changes = new java.util.concurrent.ConcurrentHashMap<>();
    try (Watch watch = countChanges(cluster, repo, changes)) {
      CairnRuntime rogue = start(cluster.client(), fixture.options("rogue"));
      await().atMost(WAIT).until(() -> reconciles(rogue, "Kustomization") > 0);
      requestAndAwait(repo, "overlap");
      assertThat(resourceVersions(cluster, repo))
          .as("unchanged objects are not written by either controller")
          .isEqualTo(versionsBefore);

      repo.work().write("app/a.yaml", configMapYaml("a", "two"));
      String second = repo.commit("second, during the overlap");
      fixture.requestReconcile(GitRepository.class, repo, "repo", "overlap-commit");
      awaitApplied(repo, second);
      await().atMost(WAIT).until(() -> reconciles(rogue, "GitRepository") > 0);
      requestAndAwait(repo, "overlap-after-commit");
      assertThat(value(cluster, repo, "a")).isEqualTo("two");
      assertThat(changes.getOrDefault("a", new AtomicInteger()).get())
          .as("a changed once, though both controllers applied it")
          .isEqualTo(1);
      assertThat(changes.getOrDefault("b", new AtomicInteger()).get()).isZero();
      assertThat(resourceVersions(cluster, repo).get("b")).isEqualTo(versionsBefore.get("b"));

      runtimes.remove(rogue);
      rogue.close();
    }
    CairnRuntime candidate =
        start(
            cluster.client(),
            fixture.options("candidate").withLeaderElection(election.withIdentity("candidate")));
    await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> !candidate.isLeader());
    assertThat(leader.isLeader()).isTrue();
    assertThat(
            cluster
                .client()
                .leases()
                .inNamespace(leaseNs)
                .withName("cairn-controller-leader")
                .get()
                .getSpec()
                .getHolderIdentity())
        .isEqualTo("leader");
    assertConverged(cluster, repo, "a", "b");
    Condition readyAfter = ready(fixture.kustomization(repo, "app").getStatus()).orElseThrow();
    assertThat(readyAfter.getStatus()).isEqualTo("True");
    assertThat(readyAfter.getLastTransitionTime()).isEqualTo(readyBefore.getLastTransitionTime());
  }

  private CairnRuntime start(KubernetesClient client, RuntimeOptions options) {
    CairnRuntime runtime = new CairnRuntime(client, options);
    runtimes.add(runtime);
    runtime.start();
    return runtime;
  }

  private static void awaitApplied(GitOpsFixture.Repo repo, String sha) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              KustomizationStatus status = fixture.kustomization(repo, "app").getStatus();
              return isReady(status)
                  && ("main@sha1:" + sha).equals(status.getLastAppliedRevision());
            });
  }

  private static void requestAndAwait(GitOpsFixture.Repo repo, String token) {
    fixture.requestReconcile(Kustomization.class, repo, "app", token);
    await()
        .atMost(WAIT)
        .until(
            () ->
                token.equals(
                    fixture.kustomization(repo, "app").getStatus().getLastHandledReconcileAt()));
  }

  /** The inventory equals the objects carrying the owner labels; the rest are gone. */
  private static void assertConverged(
      TestCluster cluster, GitOpsFixture.Repo repo, String... names) {
    Set<String> labelled =
        cluster
            .client()
            .configMaps()
            .inNamespace(repo.ns())
            .withLabel("cairn.dev/name", "app")
            .withLabel("cairn.dev/namespace", repo.ns())
            .list()
            .getItems()
            .stream()
            .map(c -> id(repo, c.getMetadata().getName()))
            .collect(Collectors.toSet());
    Set<String> expected =
        java.util.Arrays.stream(names).map(n -> id(repo, n)).collect(Collectors.toSet());
    assertThat(labelled).isEqualTo(expected);
    assertThat(Set.copyOf(inventory(fixture.kustomization(repo, "app").getStatus())))
        .isEqualTo(expected);
    assertThat(
            cluster.client().configMaps().inNamespace(repo.ns()).list().getItems().stream()
                .map(c -> c.getMetadata().getName())
                .filter(n -> !n.equals("kube-root-ca.crt")))
        .containsExactlyInAnyOrder(names);
  }

  private static List<String> inventory(KustomizationStatus status) {
    return status.getInventory().entries().stream().map(InventoryEntry::id).toList();
  }

  private static String id(GitOpsFixture.Repo repo, String name) {
    return repo.ns() + "_" + name + "__ConfigMap";
  }

  private static void edit(
      TestCluster cluster, GitOpsFixture.Repo repo, String name, String value) {
    cluster
        .client()
        .configMaps()
        .inNamespace(repo.ns())
        .withName(name)
        .edit(c -> new ConfigMapBuilder(c).withData(Map.of("value", value)).build());
  }

  private static String value(TestCluster cluster, GitOpsFixture.Repo repo, String name) {
    return cluster
        .client()
        .configMaps()
        .inNamespace(repo.ns())
        .withName(name)
        .get()
        .getData()
        .get("value");
  }

  private static Map<String, String> resourceVersions(
      TestCluster cluster, GitOpsFixture.Repo repo) {
    return cluster.client().configMaps().inNamespace(repo.ns()).list().getItems().stream()
        .collect(
            Collectors.toMap(
                c -> c.getMetadata().getName(), c -> c.getMetadata().getResourceVersion()));
  }

  private static Watch countChanges(
      TestCluster cluster, GitOpsFixture.Repo repo, Map<String, AtomicInteger> changes) {
    String from =
        cluster
            .client()
            .configMaps()
            .inNamespace(repo.ns())
            .list()
            .getMetadata()
            .getResourceVersion();
    return cluster
        .client()
        .configMaps()
        .inNamespace(repo.ns())
        .watch(
            new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
                .withResourceVersion(from)
                .build(),
            new Watcher<ConfigMap>() {
              @Override
              public void eventReceived(Action action, ConfigMap resource) {
                changes
                    .computeIfAbsent(resource.getMetadata().getName(), n -> new AtomicInteger())
                    .incrementAndGet();
              }

              @Override
              public void onClose(WatcherException cause) {}
            });
  }

  private static double reconciles(CairnRuntime runtime, String kind) {
    return runtime
        .meterRegistry()
        .find("cairn.reconcile.duration")
        .tag("kind", kind)
        .timers()
        .stream()
        .mapToLong(t -> t.count())
        .sum();
  }
}

package dev.cairn.controller;

import static dev.cairn.controller.GitOpsFixture.configMapYaml;
import static dev.cairn.controller.GitOpsFixture.isReady;
import static dev.cairn.controller.GitOpsFixture.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.sim.cluster.RequestCounter.Verb;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two runtimes campaign for one Lease: only the holder reconciles; when it closes it releases the
 * Lease, the other takes over and reconciles, objects that did not change get no writes and Ready
 * does not flip while the new leader fetches its sources again.
 */
@ExtendWith(ClusterExtension.class)
class LeaderFailoverIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static GitOpsFixture fixture;
  private static CairnRuntime first;
  private static CairnRuntime second;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    fixture = GitOpsFixture.start(cluster);
  }

  @AfterAll
  static void stop() {
    Stream.of(first, second).filter(r -> r != null).forEach(CairnRuntime::close);
    fixture.close();
  }

  @Test
  void onlyTheLeaderReconcilesAndTheOtherTakesOverWithoutReapplying(TestCluster cluster)
      throws Exception {
    String leaseNs = cluster.createNamespace("lease");
    LeaderElection election =
        LeaderElection.inNamespace(leaseNs, "unset")
            .withTimings(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofMillis(300));
    RuntimeOptions firstOptions =
        fixture.options("first").withLeaderElection(election.withIdentity("first"));
    RuntimeOptions secondOptions =
        fixture.options("second").withLeaderElection(election.withIdentity("second"));
    first = new CairnRuntime(cluster.client(), firstOptions);
    first.start();
    await().atMost(WAIT).until(first::isReady);
    second = new CairnRuntime(cluster.client(), secondOptions);
    second.start();

    GitOpsFixture.Repo repo = fixture.repo(cluster, "failover");
    repo.work().write("app/a.yaml", configMapYaml("a", "one"));
    repo.work().write("app/b.yaml", configMapYaml("b", "one"));
    String sha = repo.commit("first");
    fixture.createSource(repo, "10m");
    fixture.createKustomization(repo, "app", "10m", "./app");
    await().atMost(WAIT).until(() -> isReady(fixture.kustomization(repo, "app").getStatus()));

    assertThat(first.isLeader()).isTrue();
    assertThat(second.isLeader()).isFalse();
    assertThat(second.isReady()).isFalse();
    assertThat(reconciles(first, "Kustomization")).isPositive();
    assertThat(reconciles(second, "Kustomization")).isZero();
    assertThat(reconciles(second, "GitRepository")).isZero();
    assertThat(filesUnder(secondOptions.storagePath())).isZero();

    Condition readyBefore = ready(fixture.kustomization(repo, "app").getStatus()).orElseThrow();
    cluster.requests().reset();
    first.close();
    // fabric8 releases a Lease by cutting its duration to one second (instead of letting the 15 s
    // run out)
    assertThat(lease(cluster, leaseNs).getSpec().getLeaseDurationSeconds()).isEqualTo(1);

    await().atMost(WAIT).until(second::isReady);
    assertThat(second.isLeader()).isTrue();
    // the second replica runs the Kustomization before or after it has fetched the source again;
    // either way Ready must not flip: a run without the artifact waits for it (AwaitArtifactStep)
    String token = "takeover";
    fixture.requestReconcile(Kustomization.class, repo, "app", token);
    await()
        .atMost(WAIT)
        .until(
            () ->
                token.equals(
                    fixture.kustomization(repo, "app").getStatus().getLastHandledReconcileAt()));
    assertThat(reconciles(second, "Kustomization")).isPositive();
    assertThat(lease(cluster, leaseNs).getSpec().getHolderIdentity()).isEqualTo("second");
    KustomizationStatus status = fixture.kustomization(repo, "app").getStatus();
    assertThat(status.getLastAppliedRevision()).isEqualTo("main@sha1:" + sha);
    Condition readyAfter = ready(status).orElseThrow();
    assertThat(readyAfter.getStatus()).isEqualTo("True");
    assertThat(readyAfter.getLastTransitionTime())
        .as("Ready did not flip during the takeover")
        .isEqualTo(readyBefore.getLastTransitionTime());
    for (Verb verb : new Verb[] {Verb.CREATE, Verb.UPDATE, Verb.PATCH, Verb.APPLY, Verb.DELETE}) {
      assertThat(cluster.requests().count(verb, "configmaps"))
          .as("%s configmaps after takeover: %s", verb, cluster.requests())
          .isZero();
    }
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

  private static Lease lease(TestCluster cluster, String ns) {
    return cluster.client().leases().inNamespace(ns).withName("cairn-controller-leader").get();
  }

  private static long filesUnder(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}

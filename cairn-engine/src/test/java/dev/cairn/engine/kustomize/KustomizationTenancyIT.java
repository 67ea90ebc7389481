package dev.cairn.engine.kustomize;

import static dev.cairn.engine.kustomize.Harness.configMapYaml;
import static dev.cairn.engine.kustomize.Harness.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.Fabric8ClusterClient;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Tenancy;
import dev.cairn.engine.Trigger;
import dev.cairn.render.KustomizationRenderer;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flux's multi-tenancy lockdown: cross-namespace references blocked, remote bases refused, and a
 * default service account impersonated by Kustomizations that name none.
 */
@ExtendWith(ClusterExtension.class)
class KustomizationTenancyIT {
  private static final String DEFAULT_ACCOUNT = "tenant-deployer";
  private static Harness h;
  private static StepReconciler<Kustomization, KustomizationStatus, KustomizationRun> lockedDown;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = Harness.start(cluster);
    lockedDown =
        new StepReconciler<>(
            h.client,
            new KustomizationKind(
                h.client,
                new ArtifactStore(h.temp.resolve("store"), ArtifactStoreOptions.defaults()),
                KustomizationRenderer.defaults(),
                h.manager,
                new Fabric8ClusterClient(h.client),
                new EventRecorder(h.client, "cairn", Clock.systemUTC()),
                ApplyOptions.defaults(),
                Duration.ofSeconds(30),
                Clock.systemUTC(),
                new Tenancy(true, DEFAULT_ACCOUNT)),
            Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    lockedDown.close();
    h.close();
  }

  @Test
  void aSourceInAnotherNamespaceIsRefused(TestCluster cluster) throws Exception {
    Harness.Fixture owner = h.fixture(cluster, "owner");
    owner.work().write("app/a.yaml", configMapYaml("a", "one"));
    owner.commit("first");
    h.createSource(owner);
    Harness.Fixture tenant = h.fixture(cluster, "tenant");
    cluster.allowServiceAccount(tenant.ns(), DEFAULT_ACCOUNT, "configmaps");
    create(
        tenant,
        "foreign",
        "sourceRef: {kind: GitRepository, name: repo, namespace: %s}\npath: ./app\n"
            .formatted(owner.ns()));

    h.sources.reconcile(owner.ns(), "repo", Trigger.INTERVAL).orElseThrow();
    Condition ready = run(tenant, "foreign");

    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(ConditionReasons.ACCESS_DENIED);
    assertThat(ready.getMessage())
        .isEqualTo(
            "cannot access 'GitRepository/"
                + owner.ns()
                + "/repo', cross-namespace references have been blocked");
    assertThat(h.configMap(tenant, "a")).isNull();
  }

  @Test
  void aDependencyInAnotherNamespaceIsRefused(TestCluster cluster) throws Exception {
    Harness.Fixture tenant = h.fixture(cluster, "deps");
    tenant.work().write("app/a.yaml", configMapYaml("a", "one"));
    tenant.commit("first");
    h.createSource(tenant);
    create(
        tenant,
        "dependent",
        "sourceRef: {kind: GitRepository, name: repo}\npath: ./app\n"
            + "dependsOn: [{name: infra, namespace: flux-system}]\n");

    h.sources.reconcile(tenant.ns(), "repo", Trigger.INTERVAL).orElseThrow();
    Condition ready = run(tenant, "dependent");

    assertThat(ready.getReason()).isEqualTo(ConditionReasons.ACCESS_DENIED);
    assertThat(ready.getMessage())
        .contains("'Kustomization/flux-system/infra'")
        .contains("cross-namespace references have been blocked");
  }

  @Test
  void aRemoteBaseIsRefused(TestCluster cluster) throws Exception {
    Harness.Fixture tenant = h.fixture(cluster, "remote-base");
    cluster.allowServiceAccount(tenant.ns(), DEFAULT_ACCOUNT, "configmaps");
    tenant.work().write("app/a.yaml", configMapYaml("a", "one"));
    tenant
        .work()
        .write(
            "app/kustomization.yaml",
            "resources:\n- a.yaml\n- https://github.com/example/platform//base?ref=v1\n");
    tenant.commit("a remote base");
    h.createSource(tenant);
    create(tenant, "remote", "sourceRef: {kind: GitRepository, name: repo}\npath: ./app\n");

    h.sources.reconcile(tenant.ns(), "repo", Trigger.INTERVAL).orElseThrow();
    Condition ready = run(tenant, "remote");

    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getMessage())
        .contains("remote resource 'https://github.com/example/platform//base?ref=v1' refused");
    assertThat(h.configMap(tenant, "a")).isNull();
  }

  @Test
  void theDefaultServiceAccountIsImpersonatedAndConfinedToItsNamespace(TestCluster cluster)
      throws Exception {
    Harness.Fixture tenant = h.fixture(cluster, "default-sa");
    String elsewhere = cluster.createNamespace("elsewhere");
    cluster.allowServiceAccount(tenant.ns(), DEFAULT_ACCOUNT, "configmaps");
    tenant.work().write("own/a.yaml", configMapYaml("a", "one"));
    tenant
        .work()
        .write(
            "outside/b.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: %s}\n"
                .formatted(elsewhere));
    tenant.commit("one ConfigMap at home, one elsewhere");
    h.createSource(tenant);
    create(
        tenant,
        "own",
        "sourceRef: {kind: GitRepository, name: repo}\npath: ./own\ntargetNamespace: %s\n"
            .formatted(tenant.ns()));
    create(tenant, "outside", "sourceRef: {kind: GitRepository, name: repo}\npath: ./outside\n");

    h.sources.reconcile(tenant.ns(), "repo", Trigger.INTERVAL).orElseThrow();
    Condition own = run(tenant, "own");
    Condition outside = run(tenant, "outside");

    assertThat(own.getStatus()).as(own.getMessage()).isEqualTo("True");
    assertThat(h.configMap(tenant, "a")).isNotNull();
    assertThat(outside.getStatus()).isEqualTo("False");
    assertThat(outside.getMessage()).contains("forbidden");
    assertThat(cluster.client().configMaps().inNamespace(elsewhere).withName("b").get()).isNull();
    if (cluster.isSimulated()) {
      String user = "system:serviceaccount:" + tenant.ns() + ":" + DEFAULT_ACCOUNT;
      assertThat(cluster.requests().impersonating(user).get("apply configmaps"))
          .isNotNull()
          .isPositive();
    }
  }

  @Test
  void withoutLockdownTheSameCrossNamespaceSourceIsUsed(TestCluster cluster) throws Exception {
    Assumptions.assumeTrue(cluster.isSimulated(), "compares with the open default");
    Harness.Fixture owner = h.fixture(cluster, "open-owner");
    owner.work().write("app/a.yaml", configMapYaml("a", "one"));
    owner.commit("first");
    h.createSource(owner);
    Harness.Fixture tenant = h.fixture(cluster, "open-tenant");
    create(
        tenant,
        "foreign",
        "sourceRef: {kind: GitRepository, name: repo, namespace: %s}\npath: ./app\n"
                .formatted(owner.ns())
            + "targetNamespace: %s\n".formatted(tenant.ns()));

    h.sources.reconcile(owner.ns(), "repo", Trigger.INTERVAL).orElseThrow();
    h.kustomizations.reconcile(tenant.ns(), "foreign", Trigger.INTERVAL).orElseThrow();

    assertThat(ready(h.live(tenant, "foreign").getStatus()).getStatus()).isEqualTo("True");
    assertThat(h.configMap(tenant, "a")).isNotNull();
  }

  private static Condition run(Harness.Fixture f, String name) {
    lockedDown.reconcile(f.ns(), name, Trigger.INTERVAL).orElseThrow();
    return ready(h.live(f, name).getStatus());
  }

  private static void create(Harness.Fixture f, String name, String specYaml) {
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: Kustomization
        metadata: {name: %s, namespace: %s}
        spec:
          interval: 5m
          prune: true
        %s
        """
            .formatted(name, f.ns(), specYaml.indent(2));
    h.client
        .resource(h.client.getKubernetesSerialization().unmarshal(yaml, Kustomization.class))
        .create();
  }
}

package dev.cairn.engine.kustomize;

import static dev.cairn.engine.kustomize.Harness.configMapYaml;
import static dev.cairn.engine.kustomize.Harness.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.Trigger;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a Kustomization waits for or reads besides its source: dependsOn (Ready, readyExpr, cycles),
 * substituteFrom ConfigMaps and Secrets, suspend.
 */
@ExtendWith(ClusterExtension.class)
class KustomizationInputsIT {
  private static Harness h;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = Harness.start(cluster);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void waitsForDependenciesToBeReady(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "deps");
    f.work().write("infra/a.yaml", configMapYaml("infra", "1"));
    f.work().write("app/a.yaml", configMapYaml("app", "1"));
    f.commit("first");
    h.createSource(f);
    h.createKustomization(f, "infra", "path: ./infra\nprune: true\n");
    h.createKustomization(f, "app", "path: ./app\nprune: true\ndependsOn: [{name: infra}]\n");

    KustomizationStatus app = h.sync(f, "app");
    assertThat(ready(app).getStatus()).isEqualTo("False");
    assertThat(ready(app).getReason()).isEqualTo("DependencyNotReady");
    assertThat(ready(app).getMessage()).isEqualTo("dependency '" + f.ns() + "/infra' is not ready");
    assertThat(h.configMap(f, "app")).isNull();

    assertThat(ready(h.sync(f, "infra")).getStatus()).isEqualTo("True");
    app = h.sync(f, "app");
    assertThat(ready(app).getStatus()).isEqualTo("True");
    assertThat(h.configMap(f, "app")).isNotNull();
  }

  @Test
  void substitutesFromClusterConfigMap(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "subst");
    h.client
        .configMaps()
        .inNamespace(f.ns())
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("cluster-config")
                .endMetadata()
                .withData(Map.of("cluster_name", "prod-eu"))
                .build())
        .create();
    h.client
        .secrets()
        .inNamespace(f.ns())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("cluster-secrets")
                .endMetadata()
                .withStringData(Map.of("region", "eu-west-1", "cluster_name", "overridden"))
                .build())
        .create();
    f.work().write("app/a.yaml", configMapYaml("a", "${cluster_name}"));
    f.work().write("app/b.yaml", configMapYaml("b", "${region}"));
    f.commit("first");
    h.createSource(f);
    h.createKustomization(
        f,
        "app",
        "path: ./app\nprune: true\npostBuild:\n  substituteFrom:\n"
            + "  - {kind: Secret, name: cluster-secrets}\n"
            + "  - {kind: ConfigMap, name: cluster-config}\n"
            + "  - {kind: Secret, name: absent-secret, optional: true}\n");

    KustomizationStatus status = h.sync(f, "app");

    assertThat(ready(status).getStatus()).isEqualTo("True");
    // a later source overrides an earlier one: cluster-config wins over cluster-secrets
    assertThat(h.configMap(f, "a").getData()).containsEntry("value", "prod-eu");
    assertThat(h.configMap(f, "b").getData()).containsEntry("value", "eu-west-1");

    h.client.configMaps().inNamespace(f.ns()).withName("cluster-config").delete();
    status = h.sync(f, "app");
    assertThat(ready(status).getReason()).isEqualTo("BuildFailed");
    assertThat(ready(status).getMessage()).contains("ConfigMap/" + f.ns() + "/cluster-config");
    assertThat(ready(status).getMessage()).doesNotContain("eu-west-1");
    assertThat(h.configMap(f, "a").getData()).containsEntry("value", "prod-eu");
  }

  @Test
  void kustomizationsOverOneFolderBuildItOnceUntilANewCommit(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "shared");
    f.work().write("app/a.yaml", configMapYaml("\"${name}\"", "v1"));
    f.commit("first");
    h.createSource(f);
    for (String name : List.of("one", "two")) {
      h.createKustomization(
          f, name, "path: ./app\nprune: true\npostBuild:\n  substitute: {name: " + name + "}\n");
    }

    long before = h.builds.builds();
    assertThat(ready(h.sync(f, "one")).getStatus()).isEqualTo("True");
    assertThat(ready(h.sync(f, "two")).getStatus()).isEqualTo("True");
    assertThat(ready(h.sync(f, "one")).getStatus()).isEqualTo("True");

    assertThat(h.builds.builds() - before).isEqualTo(1);
    assertThat(h.configMap(f, "one").getData()).containsEntry("value", "v1");
    assertThat(h.configMap(f, "two").getData()).containsEntry("value", "v1");

    f.work().write("app/a.yaml", configMapYaml("\"${name}\"", "v2"));
    f.commit("second");
    assertThat(ready(h.sync(f, "one")).getStatus()).isEqualTo("True");
    assertThat(ready(h.sync(f, "two")).getStatus()).isEqualTo("True");

    assertThat(h.builds.builds() - before).isEqualTo(2);
    assertThat(h.configMap(f, "one").getData()).containsEntry("value", "v2");
    assertThat(h.configMap(f, "two").getData()).containsEntry("value", "v2");
  }

  @Test
  void stallsOnADependencyCycleAndSkipsWhenSuspended(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "cycle");
    f.work().write("app/a.yaml", configMapYaml("a", "1"));
    f.commit("first");
    h.createSource(f);
    h.createKustomization(f, "one", "path: ./app\nprune: true\ndependsOn: [{name: two}]\n");
    h.createKustomization(f, "two", "path: ./app\nprune: true\ndependsOn: [{name: one}]\n");

    h.sources.reconcile(f.ns(), "repo", Trigger.INTERVAL).orElseThrow();
    ReconcileResult<KustomizationStatus> result =
        h.kustomizations.reconcile(f.ns(), "one", Trigger.INTERVAL).orElseThrow();

    assertThat(result.requeue()).isFalse();
    KustomizationStatus status = h.live(f, "one").getStatus();
    assertThat(ready(status).getReason()).isEqualTo("DependencyCycle");
    assertThat(ready(status).getMessage())
        .isEqualTo(
            "dependsOn forms a cycle: %s/one -> %s/two -> %s/one"
                .formatted(f.ns(), f.ns(), f.ns()));
    assertThat(status.getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Stalled");
              assertThat(c.getStatus()).isEqualTo("True");
            });

    h.createKustomization(f, "paused", "path: ./app\nprune: true\nsuspend: true\n");
    ReconcileResult<KustomizationStatus> paused =
        h.kustomizations.reconcile(f.ns(), "paused", Trigger.INTERVAL).orElseThrow();
    assertThat(paused.patchStatus()).isFalse();
    assertThat(paused.requeue()).isFalse();
    assertThat(h.live(f, "paused").getStatus()).isNull();
    assertThat(h.configMap(f, "a")).isNull();
  }

  @Test
  void readyExprDecidesWhenADependencyIsReady(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "expr");
    f.work().write("infra/a.yaml", configMapYaml("infra", "1"));
    f.work().write("app/a.yaml", configMapYaml("app", "1"));
    f.commit("first");
    h.createSource(f);
    h.createKustomization(f, "infra", "path: ./infra\nprune: true\n");
    h.createKustomization(
        f,
        "app",
        "path: ./app\nprune: true\n"
            + "dependsOn: [{name: infra, readyExpr: \"has(status.lastAppliedRevision)\"}]\n");

    assertThat(ready(h.sync(f, "app")).getReason()).isEqualTo("DependencyNotReady");

    h.sync(f, "infra");
    assertThat(ready(h.sync(f, "app")).getStatus()).isEqualTo("True");
  }
}

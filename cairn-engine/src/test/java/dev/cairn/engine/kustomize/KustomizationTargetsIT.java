package dev.cairn.engine.kustomize;

import static dev.cairn.engine.kustomize.Harness.configMapYaml;
import static dev.cairn.engine.kustomize.Harness.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.sim.cluster.SimulatedCluster;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Where objects go: impersonating {@code serviceAccountName}, or a remote {@code kubeConfig}. */
@ExtendWith(ClusterExtension.class)
class KustomizationTargetsIT {
  private static Harness h;
  private static SimulatedCluster remote;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = Harness.start(cluster);
    remote = SimulatedCluster.start();
  }

  @AfterAll
  static void stop() {
    h.close();
    remote.close();
  }

  @Test
  void serviceAccountNameImpersonatesTheAccountForApplyPruneAndHealth(TestCluster cluster)
      throws Exception {
    Assumptions.assumeTrue(cluster.isSimulated(), "reads the simulated cluster's request log");
    Harness.Fixture f = h.fixture(cluster, "impersonate");
    cluster.allowServiceAccount(f.ns(), "deployer", "configmaps");
    f.work().write("app/a.yaml", configMapYaml("a", "one"));
    f.work().write("app/b.yaml", configMapYaml("b", "one"));
    f.commit("first");
    h.createSource(f);
    h.createKustomization(
        f, "app", "path: ./app\nprune: true\nwait: true\nserviceAccountName: deployer\n");
    assertThat(ready(h.sync(f, "app")).getStatus()).isEqualTo("True");
    f.work().delete("app/b.yaml");
    f.commit("second");
    assertThat(ready(h.sync(f, "app")).getStatus()).isEqualTo("True");

    String user = "system:serviceaccount:" + f.ns() + ":deployer";
    Map<String, Long> asDeployer = cluster.requests().impersonating(user);
    assertThat(asDeployer.get("apply configmaps")).isNotNull().isPositive();
    assertThat(asDeployer.get("delete configmaps")).isEqualTo(1L);
    assertThat(asDeployer.get("get configmaps")).isNotNull().isPositive();
    assertThat(asDeployer).doesNotContainKey("patch kustomizations.cairn.dev/status");
    assertThat(h.configMap(f, "b")).isNull();
  }

  @Test
  void serviceAccountNameCannotWriteOutsideWhatTheAccountMay(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "tenant");
    cluster.allowServiceAccount(f.ns(), "deployer", "configmaps");
    f.work().write("app/a.yaml", configMapYaml("a", "one"));
    f.work()
        .write(
            "app/intruder.yaml",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: intruder\n"
                + "stringData:\n  k: v\n");
    f.commit("a Secret the account may not write");
    h.createSource(f);
    h.createKustomization(f, "app", "path: ./app\nprune: true\nserviceAccountName: deployer\n");

    KustomizationStatus status = h.sync(f, "app");

    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(ready(status).getMessage()).contains("intruder").contains("forbidden");
    assertThat(cluster.client().secrets().inNamespace(f.ns()).withName("intruder").get()).isNull();
  }

  @Test
  void kubeConfigSecretRefAppliesToTheRemoteClusterOnly(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "remote");
    f.work().write("app/a.yaml", configMapYaml("a", "one"));
    f.commit("first");
    h.createSource(f);
    remote
        .client()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(f.ns()).endMetadata().build())
        .create();
    String kubeconfig =
        Files.readString(remote.writeKubeconfig(Files.createTempFile(h.temp, "remote", ".yaml")));
    h.client
        .secrets()
        .inNamespace(f.ns())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("remote-kubeconfig")
                .endMetadata()
                .withStringData(Map.of("value.yaml", kubeconfig))
                .build())
        .create();
    h.createKustomization(
        f, "app", "path: ./app\nprune: true\nkubeConfig: {secretRef: {name: remote-kubeconfig}}\n");

    KustomizationStatus status = h.sync(f, "app");

    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(remote.client().configMaps().inNamespace(f.ns()).withName("a").get())
        .isNotNull()
        .satisfies(cm -> assertThat(cm.getData()).containsEntry("value", "one"));
    assertThat(h.configMap(f, "a")).isNull();

    h.createKustomization(
        f,
        "wrong-key",
        "path: ./app\nprune: true\n"
            + "kubeConfig: {secretRef: {name: remote-kubeconfig, key: kubeconfig}}\n");
    status = h.sync(f, "wrong-key");
    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(ready(status).getMessage())
        .contains("Secret '" + f.ns() + "/remote-kubeconfig'")
        .contains("no key kubeconfig")
        .doesNotContain(remote.masterUrl());
  }
}

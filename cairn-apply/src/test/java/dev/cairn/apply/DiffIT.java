package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.manifest.KubeObject;
import dev.cairn.testkit.cluster.SimulatedCluster;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drift diff against the simulated cluster. */
class DiffIT {
  private static SimulatedCluster cluster;
  private static ResourceManager manager;

  @BeforeAll
  static void start() {
    cluster = SimulatedCluster.start();
    manager = new ResourceManager(new Fabric8ClusterClient(cluster.client()));
  }

  @AfterAll
  static void stop() {
    manager.close();
    cluster.close();
  }

  private static KubeObject secret(String name, String password, String user) {
    return Manifests.one(
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: %s
          namespace: default
        data:
          password: %s
          user: %s
        """
            .formatted(name, password, user));
  }

  @Test
  void noDriftIsAnEmptyDiff() {
    KubeObject config = Manifests.one(Manifests.configMap("default", "same", "1"));
    manager.apply(List.of(config), ApplyOptions.defaults());

    assertThat(manager.diff(config)).isEmpty();
  }

  @Test
  void driftShowsAsUnifiedDiff() {
    manager.apply(
        List.of(Manifests.one(Manifests.configMap("default", "drifted", "old"))),
        ApplyOptions.defaults());

    String diff = manager.diff(Manifests.one(Manifests.configMap("default", "drifted", "new")));

    assertThat(diff)
        .startsWith("--- live/ConfigMap/default/drifted\n+++ desired/ConfigMap/default/drifted\n")
        .contains("\n-  key: old\n")
        .contains("\n+  key: new\n")
        .contains("@@ ");
  }

  @Test
  void aMissingObjectDiffsFromNothing() {
    String diff = manager.diff(Manifests.one(Manifests.configMap("default", "absent", "v")));

    assertThat(diff).startsWith("--- /dev/null\n+++ desired/ConfigMap/default/absent\n");
    assertThat(diff).contains("+kind: ConfigMap\n");
  }

  @Test
  void secretValuesAreMasked() {
    manager.apply(List.of(secret("creds", "czNjcjN0", "YWRtaW4=")), ApplyOptions.defaults());

    String diff = manager.diff(secret("creds", "bjN3LXMzY3IzdA==", "YWRtaW4="));

    assertThat(diff).doesNotContain("czNjcjN0").doesNotContain("bjN3LXMzY3IzdA==");
    assertThat(diff).doesNotContain("YWRtaW4=");
    assertThat(diff).contains("-  password: '***'").contains("+  password: '*** (changed)'");
    assertThat(diff).doesNotContain("-  user:").doesNotContain("+  user:");
  }
}

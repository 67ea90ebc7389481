package dev.cairn.server.dashboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KindAdaptersTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static JsonNode kustomization(String ready, String reconciling, boolean suspend, long observed)
      throws Exception {
    return YAML.readTree(
        """
        apiVersion: cairn.dev/v1
        kind: Kustomization
        metadata: {name: apps, namespace: prod, generation: 2}
        spec:
          suspend: %s
          sourceRef: {kind: GitRepository, name: fleet, namespace: infra}
          dependsOn: [{name: infra}]
        status:
          observedGeneration: %d
          lastAppliedRevision: main@sha1:abc
          conditions:
          - {type: Ready, status: "%s", reason: R, message: M}
          - {type: Reconciling, status: "%s"}
          inventory:
            entries:
            - {id: prod_web_apps_Deployment, v: v1}
            - {id: _prod__Namespace, v: v1}
        """
            .formatted(suspend, observed, ready, reconciling));
  }

  @ParameterizedTest
  @CsvSource({
    "True,False,false,2,HEALTHY",
    "True,False,false,1,PROGRESSING",
    "True,True,false,2,PROGRESSING",
    "False,False,false,2,FAILED",
    "False,True,false,2,PROGRESSING",
    "Unknown,False,false,2,PROGRESSING",
    "False,False,true,2,SUSPENDED"
  })
  void healthFollowsReadyReconcilingSuspendAndGeneration(
      String ready, String reconciling, boolean suspend, long observed, FleetHealth expected)
      throws Exception {
    KindAdapter adapter = KindAdapters.defaults().forKind("Kustomization").orElseThrow();
    assertThat(adapter.read(kustomization(ready, reconciling, suspend, observed)).health())
        .isEqualTo(expected);
  }

  @Test
  void readsRevisionSourcesDependenciesAndInventory() throws Exception {
    FleetObject object =
        KindAdapters.defaults()
            .forKind("Kustomization")
            .orElseThrow()
            .read(kustomization("True", "False", false, 2));
    assertThat(object.revision()).isEqualTo("main@sha1:abc");
    assertThat(object.sources()).containsExactly(new FleetRef("GitRepository", "infra", "fleet"));
    assertThat(object.dependsOn()).containsExactly(new FleetRef("Kustomization", "prod", "infra"));
    assertThat(object.inventory())
        .containsExactly(
            new FleetObject.InventoryItem("apps/v1", new FleetRef("Deployment", "prod", "web")),
            new FleetObject.InventoryItem("v1", new FleetRef("Namespace", "", "prod")));
  }

  @Test
  void aHelmReleaseReadsFromTheHelmChartItMade() throws Exception {
    JsonNode release =
        YAML.readTree(
            """
            apiVersion: cairn.dev/v1
            kind: HelmRelease
            metadata: {name: podinfo, namespace: apps}
            spec:
              chart: {spec: {chart: podinfo, sourceRef: {kind: HelmRepository, name: charts}}}
            status:
              helmChart: apps/apps-podinfo
              history: [{chartVersion: 6.5.0}]
            """);
    FleetObject object = KindAdapters.defaults().forKind("HelmRelease").orElseThrow().read(release);
    assertThat(object.sources())
        .containsExactly(
            new FleetRef("HelmChart", "apps", "apps-podinfo"),
            new FleetRef("HelmRepository", "apps", "charts"));
    assertThat(object.revision()).isEqualTo("6.5.0");
    assertThat(object.health()).isEqualTo(FleetHealth.PROGRESSING);
  }
}

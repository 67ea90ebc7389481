package dev.cairn.engine.argo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.argo.ApplicationStatus;
import dev.cairn.api.argo.OperationState;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Applications against the simulated cluster and a real Git server: {@code ignoreDifferences} (with
 * an autoscaler-like field manager that scales through the {@code scale} subresource, as
 * kube-controller-manager does), {@code RespectIgnoreDifferences=true}, sync retries and the sync
 * options that change how objects are written.
 */
@ExtendWith(ClusterExtension.class)
class ApplicationSyncIT {
  private static final ShiftedClock CLOCK = new ShiftedClock();
  private static ArgoHarness h;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = ArgoHarness.start(cluster, CLOCK);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static String deploymentYaml(int replicas, String note) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, annotations: {note: "%s"}}
        spec:
          replicas: %d
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "nginx:1.27"}]
        """
        .formatted(note, replicas);
  }

  /** What kube-controller-manager does for an HPA: an update of the scale subresource. */
  static void autoscale(String ns, int replicas) {
    String url =
        h.client.getMasterUrl()
            + "apis/apps/v1/namespaces/"
            + ns
            + "/deployments/web/scale?fieldManager=kube-controller-manager";
    h.client.raw(
        url,
        "PUT",
        java.util.Map.of(
            "apiVersion",
            "autoscaling/v1",
            "kind",
            "Scale",
            "metadata",
            java.util.Map.of("name", "web", "namespace", ns),
            "spec",
            java.util.Map.of("replicas", replicas)));
  }

  static Deployment web(String ns) {
    return h.client.apps().deployments().inNamespace(ns).withName("web").get();
  }

  static List<String> ownersOfReplicas(String ns) {
    return web(ns).getMetadata().getManagedFields().stream()
        .filter(m -> !"status".equals(m.getSubresource()))
        .filter(m -> m.getFieldsV1().getAdditionalProperties().toString().contains("f:replicas"))
        .map(ManagedFieldsEntry::getManager)
        .toList();
  }

  @Test
  void ignoredReplicasKeepTheAppSyncedAndSelfHealLeavesThem(TestCluster cluster) throws Exception {
    ArgoHarness.Fixture f = h.fixture(cluster, "ignore-ptr");
    f.work().write("app/web.yaml", deploymentYaml(2, "one"));
    f.commit("web");
    h.createApplication(
        f,
        "web",
        """
        syncPolicy: {automated: {selfHeal: true}}
        ignoreDifferences:
        - {group: apps, kind: Deployment, jsonPointers: [/spec/replicas]}
        """);
    ApplicationStatus first = h.reconcile(f, "web");
    assertThat(first.getSync().status()).isEqualTo("Synced");
    assertThat(web(f.ns()).getSpec().getReplicas()).isEqualTo(2);
    assertThat(first.getSync().comparedTo().ignoreDifferences()).hasSize(1);

    autoscale(f.ns(), 5);
    assertThat(ownersOfReplicas(f.ns())).containsExactly("kube-controller-manager");
    ApplicationStatus healed = h.reconcile(f, "web");
    assertThat(healed.getSync().status()).isEqualTo("Synced");
    assertThat(web(f.ns()).getSpec().getReplicas()).isEqualTo(5);
    assertThat(healed.getOperationState().startedAt())
        .as("self-heal found nothing OutOfSync and did not sync")
        .isEqualTo(first.getOperationState().startedAt());

    // Without RespectIgnoreDifferences a sync writes the ignored field too, as in Argo CD.
    f.work().write("app/web.yaml", deploymentYaml(2, "two"));
    f.commit("note two");
    h.reconcile(f, "web");
    assertThat(web(f.ns()).getMetadata().getAnnotations()).containsEntry("note", "two");
    assertThat(web(f.ns()).getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void withoutIgnoreDifferencesSelfHealResetsTheReplicas(TestCluster cluster) throws Exception {
    ArgoHarness.Fixture f = h.fixture(cluster, "no-ignore");
    f.work().write("app/web.yaml", deploymentYaml(2, "one"));
    f.commit("web");
    h.createApplication(f, "web", "syncPolicy: {automated: {selfHeal: true}}\n");
    h.reconcile(f, "web");
    autoscale(f.ns(), 5);
    ApplicationStatus status = h.reconcile(f, "web");
    assertThat(web(f.ns()).getSpec().getReplicas()).isEqualTo(2);
    assertThat(status.getSync().status()).isEqualTo("Synced");
  }

  @Test
  void respectIgnoreDifferencesKeepsTheFieldsAnHpaOwnsThroughASync(TestCluster cluster)
      throws Exception {
    ArgoHarness.Fixture f = h.fixture(cluster, "ignore-mfm");
    f.work().write("app/web.yaml", deploymentYaml(2, "one"));
    f.commit("web");
    h.createApplication(
        f,
        "web",
        """
        syncPolicy:
          automated: {selfHeal: true}
          syncOptions: [RespectIgnoreDifferences=true]
        ignoreDifferences:
        - {group: apps, kind: Deployment, managedFieldsManagers: [kube-controller-manager]}
        """);
    h.reconcile(f, "web");
    autoscale(f.ns(), 5);

    ApplicationStatus healed = h.reconcile(f, "web");
    assertThat(healed.getSync().status()).isEqualTo("Synced");
    assertThat(web(f.ns()).getSpec().getReplicas()).isEqualTo(5);

    f.work().write("app/web.yaml", deploymentYaml(2, "two"));
    f.commit("note two");
    ApplicationStatus synced = h.reconcile(f, "web");
    assertThat(synced.getOperationState().phase()).isEqualTo("Succeeded");
    assertThat(web(f.ns()).getMetadata().getAnnotations()).containsEntry("note", "two");
    assertThat(web(f.ns()).getSpec().getReplicas()).isEqualTo(5);
    assertThat(ownersOfReplicas(f.ns())).containsExactly("kube-controller-manager");
    assertThat(synced.getSync().status()).isEqualTo("Synced");
  }

  @Test
  void respectIgnoreDifferencesKeepsAFieldCairnOwnsAtItsLiveValue(TestCluster cluster)
      throws Exception {
    ArgoHarness.Fixture f = h.fixture(cluster, "ignore-jq");
    f.work().write("app/cm.yaml", configMap("a", "one"));
    f.commit("cm");
    h.createApplication(
        f,
        "cm",
        """
        syncPolicy:
          automated: {}
          syncOptions: [RespectIgnoreDifferences=true]
        ignoreDifferences:
        - {kind: ConfigMap, name: settings, jqPathExpressions: [.data.pinned]}
        """);
    h.reconcile(f, "cm");
    f.work().write("app/cm.yaml", configMap("b", "two"));
    f.commit("pinned b");
    ApplicationStatus status = h.reconcile(f, "cm");
    assertThat(status.getOperationState().phase()).isEqualTo("Succeeded");
    assertThat(h.client.configMaps().inNamespace(f.ns()).withName("settings").get().getData())
        .as("the pinned value stays as it is live; the other key follows Git")
        .containsEntry("pinned", "a")
        .containsEntry("other", "two");
    assertThat(status.getSync().status()).isEqualTo("Synced");
  }

  @Test
  void aJqExpressionThatDoesNotCompileStallsTheApplication(TestCluster cluster) throws Exception {
    ArgoHarness.Fixture f = h.fixture(cluster, "ignore-bad");
    f.work().write("app/cm.yaml", configMap("a", "one"));
    f.commit("cm");
    h.createApplication(
        f,
        "cm",
        """
        syncPolicy: {automated: {}}
        ignoreDifferences:
        - {kind: ConfigMap, jqPathExpressions: [".data[[["]}
        """);
    h.reconcile(f, "cm");
    assertThat(h.app(f, "cm").getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("InvalidSpecError");
              assertThat(c.getMessage())
                  .startsWith("spec.ignoreDifferences[0]: jq path expression '.data[[[' does not")
                  .contains("compile");
            });
    assertThat(h.client.configMaps().inNamespace(f.ns()).withName("settings").get()).isNull();
  }

  @Test
  void aFailedSyncIsRetriedWithBackoffUntilTheLimitThenWaitsForANewRevision(TestCluster cluster)
      throws Exception {
    ArgoHarness.Fixture f = h.fixture(cluster, "retry");
    f.work().write("app/cm.yaml", configMap("a", "one"));
    f.work().write("app/widget.yaml", WIDGET);
    f.commit("an object of a kind the server does not serve");
    h.createApplication(
        f,
        "cm",
        """
        syncPolicy:
          automated: {}
          retry: {limit: 2, backoff: {duration: 1m, factor: 2, maxDuration: 5m}}
        """);
    OperationState first = h.reconcile(f, "cm").getOperationState();
    assertThat(first.phase()).isEqualTo("Running");
    assertThat(first.retryCount()).isEqualTo(1L);
    assertThat(first.message())
        .contains("Widget")
        .matches("(?s).*\\. Retrying attempt #1 at \\d{1,2}:\\d{2}(AM|PM)\\.");
    assertThat(h.reconcile(f, "cm").getOperationState())
        .as("the retry is not due yet")
        .isEqualTo(first);

    CLOCK.advance(Duration.ofMinutes(1));
    OperationState second = h.reconcile(f, "cm").getOperationState();
    assertThat(second.retryCount()).isEqualTo(2L);
    assertThat(second.message()).contains("Retrying attempt #2 at ");
    CLOCK.advance(Duration.ofSeconds(90));
    assertThat(h.reconcile(f, "cm").getOperationState())
        .as("the second retry waits twice as long")
        .isEqualTo(second);
    CLOCK.advance(Duration.ofSeconds(30));
    assertThat(h.reconcile(f, "cm").getOperationState().phase()).isEqualTo("Failed");
    OperationState failed = h.app(f, "cm").getStatus().getOperationState();
    assertThat(failed.retryCount()).isEqualTo(2L);
    assertThat(failed.message()).endsWith(" (retried 2 times).");
    assertThat(h.reconcile(f, "cm").getOperationState())
        .as("a failed revision is not attempted again once the retries are spent")
        .isEqualTo(failed);

    f.work().delete("app/widget.yaml");
    f.commit("fixed");
    OperationState fixed = h.reconcile(f, "cm").getOperationState();
    assertThat(fixed.phase()).isEqualTo("Succeeded");
    assertThat(fixed.retryCount()).isNull();
    assertThat(h.client.configMaps().inNamespace(f.ns()).withName("settings").get()).isNotNull();
  }

  @Test
  void failOnSharedResourceRefusesToTakeOverAnotherApplicationsObject(TestCluster cluster)
      throws Exception {
    ArgoHarness.Fixture f = h.fixture(cluster, "shared");
    f.work().write("app/cm.yaml", configMap("a", "first"));
    f.work().write("other/cm.yaml", configMap("b", "second"));
    f.commit("two apps, one ConfigMap");
    h.createApplication(f, "first", "syncPolicy: {automated: {}}\n");
    h.createApplication(
        f,
        "second",
        "other",
        "syncPolicy: {automated: {}, syncOptions: [FailOnSharedResource=true]}\n");
    assertThat(h.reconcile(f, "first").getOperationState().phase()).isEqualTo("Succeeded");

    OperationState refused = h.reconcile(f, "second").getOperationState();
    assertThat(refused.phase()).isEqualTo("Failed");
    assertThat(refused.message())
        .isEqualTo(
            "Shared resource found: ConfigMap/settings is part of applications second and first");
    var live = h.client.configMaps().inNamespace(f.ns()).withName("settings").get();
    assertThat(live.getData()).containsEntry("other", "first");
    assertThat(live.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", "first");
  }

  @Test
  void prunePropagationPolicyOrphanKeepsThePrunedObjectsDependents(TestCluster cluster)
      throws Exception {
    ArgoHarness.Fixture f = h.fixture(cluster, "orphan");
    f.work().write("app/cm.yaml", configMap("a", "one"));
    f.work().write("app/keep.yaml", configMap("k", "keep").replace("settings", "keep"));
    f.commit("two ConfigMaps");
    h.createApplication(
        f,
        "cm",
        "syncPolicy: {automated: {prune: true}, syncOptions: [PrunePropagationPolicy=orphan]}\n");
    h.reconcile(f, "cm");
    var parent = h.client.configMaps().inNamespace(f.ns()).withName("settings").get();
    h.client
        .configMaps()
        .resource(
            new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata()
                .withName("child")
                .withNamespace(f.ns())
                .addNewOwnerReference()
                .withApiVersion("v1")
                .withKind("ConfigMap")
                .withName("settings")
                .withUid(parent.getMetadata().getUid())
                .endOwnerReference()
                .endMetadata()
                .build())
        .create();

    f.work().delete("app/cm.yaml");
    f.commit("settings removed");
    ApplicationStatus status = h.reconcile(f, "cm");
    assertThat(status.getOperationState().phase()).isEqualTo("Succeeded");
    assertThat(h.client.configMaps().inNamespace(f.ns()).withName("settings").get()).isNull();
    var child = h.client.configMaps().inNamespace(f.ns()).withName("child").get();
    assertThat(child).as("orphaned, not collected").isNotNull();
    assertThat(child.getMetadata().getOwnerReferences()).isEmpty();
  }

  private static final String WIDGET =
      """
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: w}
      """;

  static String configMap(String pinned, String other) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data: {pinned: "%s", other: "%s"}
        """
        .formatted(pinned, other);
  }
}

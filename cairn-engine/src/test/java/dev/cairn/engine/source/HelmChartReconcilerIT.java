package dev.cairn.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.Artifact;
import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmChartStatus;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.HelmRepositoryStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.manifest.YamlReader;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.helm.HelmFetcherOptions;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.OciChartFetcher;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import dev.cairn.testkit.helm.HelmCharts;
import dev.cairn.testkit.helm.HelmRepoServer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HelmRepository and HelmChart reconciliation against a password-protected Helm repository whose
 * charts are packaged by the test with Helm's own code.
 */
@ExtendWith(ClusterExtension.class)
class HelmChartReconcilerIT {
  private static final String USER = "charts";
  private static final String PASSWORD = "h3lm-Pa55word";

  private static Path temp;
  private static HelmRepoServer charts;
  private static KubernetesClient client;
  private static ArtifactStore store;
  private static StepReconciler<HelmRepository, HelmRepositoryStatus, HelmRepositoryRun>
      repositories;
  private static StepReconciler<HelmChart, HelmChartStatus, HelmChartRun> helmCharts;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    temp = Files.createTempDirectory("engine-helm-it-");
    charts = HelmRepoServer.start(temp.resolve("repo"), USER, PASSWORD);
    publish("web", "1.0.0", Map.of());
    publish(
        "vals",
        "0.1.0",
        Map.of(
            "values-prod.yaml",
            "replicaCount: 3\nimage:\n  tag: \"1.2.3\"\nservice:\n  ports: [8080]\n",
            "values-extra.yaml",
            "replicaCount: 5\nextra:\n  enabled: 'yes'\n"));
    client = cluster.client();
    CairnCrdInstaller.install(client, java.util.List.of(HelmRepository.class, HelmChart.class));
    store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    HelmRepositoryFetcher fetcher = new HelmRepositoryFetcher(store, HelmFetcherOptions.defaults());
    EventRecorder events = new EventRecorder(client, "cairn", Clock.systemUTC());
    repositories =
        HelmRepositoryKind.reconciler(
            client, fetcher, events, "http://cairn-source.cairn-system", Clock.systemUTC());
    helmCharts =
        HelmChartKind.reconciler(
            client,
            store,
            fetcher,
            new OciChartFetcher(store, HelmFetcherOptions.defaults()),
            events,
            "http://cairn-source.cairn-system",
            Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    charts.close();
  }

  private static void publish(String name, String version, Map<String, String> extraFiles)
      throws Exception {
    Path chart = HelmCharts.create(temp.resolve("src-" + name + "-" + version), name, version);
    for (Map.Entry<String, String> file : extraFiles.entrySet()) {
      Files.writeString(chart.resolve(file.getKey()), file.getValue());
    }
    charts.addChart(
        name, version, HelmCharts.packageChart(chart, temp.resolve("pkg"), name, version));
  }

  private static void secret(String ns, String password) {
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("helm-auth")
                .endMetadata()
                .withStringData(Map.of("username", USER, "password", password))
                .build())
        .serverSideApply();
  }

  private static void repository(String ns, String url) {
    apply(
        HelmRepository.class,
        """
        apiVersion: cairn.dev/v1
        kind: HelmRepository
        metadata: {name: repo, namespace: %s}
        spec: {url: "%s", interval: 10m, secretRef: {name: helm-auth}}
        """
            .formatted(ns, url));
  }

  private static void chart(String ns, String chart, String version, String extraSpec) {
    apply(
        HelmChart.class,
        """
        apiVersion: cairn.dev/v1
        kind: HelmChart
        metadata: {name: %s, namespace: %s}
        spec: {chart: %s, version: "%s", interval: 5m, sourceRef: {kind: HelmRepository, name: repo}%s}
        """
            .formatted(chart, ns, chart, version, extraSpec));
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> void apply(
      Class<T> type, String yaml) {
    client.resource(client.getKubernetesSerialization().unmarshal(yaml, type)).serverSideApply();
  }

  private static HelmRepositoryStatus reconcileRepository(String ns) {
    repositories.reconcile(ns, "repo", Trigger.INTERVAL).orElseThrow();
    return client
        .resources(HelmRepository.class)
        .inNamespace(ns)
        .withName("repo")
        .get()
        .getStatus();
  }

  private static HelmChartStatus reconcileChart(String ns, String name) {
    ReconcileResult<HelmChartStatus> result =
        helmCharts.reconcile(ns, name, Trigger.INTERVAL).orElseThrow();
    assertThat(result.requeueAfter()).hasMinutes(5);
    return client.resources(HelmChart.class).inNamespace(ns).withName(name).get().getStatus();
  }

  /** A run that stalls: no requeue, the chart waits for its spec or its source to change. */
  private static HelmChartStatus reconcileStalledChart(String ns, String name) {
    ReconcileResult<HelmChartStatus> result =
        helmCharts.reconcile(ns, name, Trigger.INTERVAL).orElseThrow();
    assertThat(result.requeue()).isFalse();
    return client.resources(HelmChart.class).inNamespace(ns).withName(name).get().getStatus();
  }

  static Condition condition(java.util.List<Condition> conditions, String type) {
    return conditions.stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + conditions));
  }

  /** The stored chart, unpacked. */
  static Path unpack(ArtifactStore store, Artifact artifact, Path parent) throws Exception {
    Path dir = Files.createTempDirectory(parent, "chart-");
    store.extract(SourceArtifacts.toStore(artifact), dir.resolve("out"));
    return dir.resolve("out");
  }

  @Test
  void pullsTheChartAndPicksUpANewVersionWithinTheConstraint(TestCluster cluster) throws Exception {
    String ns = cluster.createNamespace("helmchart");
    secret(ns, PASSWORD);
    repository(ns, charts.url());
    HelmRepositoryStatus repo = reconcileRepository(ns);
    assertThat(condition(repo.getConditions(), "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(repo.getConditions(), "Ready").getMessage())
        .isEqualTo("stored artifact: revision '" + repo.getArtifact().revision() + "'");
    assertThat(repo.getArtifact().revision()).startsWith("sha256:");
    assertThat(repo.getUrl()).isEqualTo(repo.getArtifact().url());
    chart(ns, "web", "^1.0.0", "");

    HelmChartStatus status = reconcileChart(ns, "web");

    Condition ready = condition(status.getConditions(), "Ready");
    assertThat(ready.getStatus()).isEqualTo("True");
    assertThat(ready.getReason()).isEqualTo("Succeeded");
    assertThat(ready.getMessage()).isEqualTo("pulled 'web' chart with version '1.0.0'");
    assertThat(status.getArtifact().revision()).isEqualTo("1.0.0");
    assertThat(status.getObservedChartName()).isEqualTo("web");
    assertThat(status.getObservedSourceArtifactRevision()).isEqualTo(repo.getArtifact().revision());
    assertThat(status.getObservedValuesFiles()).isNull();
    Path unpacked = unpack(store, status.getArtifact(), temp);
    assertThat(unpacked.resolve("web/Chart.yaml")).content().contains("version: 1.0.0");
    assertThat(unpacked.resolve("web/values.yaml")).exists();
    assertThat(unpacked.resolve("web/templates/deployment.yaml")).exists();
    assertThat(client.v1().events().inNamespace(ns).list().getItems())
        .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("ChartPullSucceeded"));

    publish("web", "1.1.0", Map.of());
    publish("web", "2.0.0", Map.of());
    String before = repo.getArtifact().revision();
    repo = reconcileRepository(ns);
    assertThat(repo.getArtifact().revision()).isNotEqualTo(before);
    status = reconcileChart(ns, "web");

    assertThat(status.getArtifact().revision()).isEqualTo("1.1.0");
    assertThat(condition(status.getConditions(), "Ready").getMessage())
        .isEqualTo("pulled 'web' chart with version '1.1.0'");
    assertThat(status.getObservedSourceArtifactRevision()).isEqualTo(repo.getArtifact().revision());
    assertThat(unpack(store, status.getArtifact(), temp).resolve("web/Chart.yaml"))
        .content()
        .contains("version: 1.1.0");
  }

  @Test
  void aChartVersionNotInTheIndexStallsKeepsThePreviousArtifactAndRecoversWithANewIndex(
      TestCluster cluster) throws Exception {
    String ns = cluster.createNamespace("helmchart-missing");
    secret(ns, PASSWORD);
    repository(ns, charts.url());
    reconcileRepository(ns);
    chart(ns, "web", "1.0.0", "");
    Artifact good = reconcileChart(ns, "web").getArtifact();
    assertThat(good.revision()).isEqualTo("1.0.0");

    chart(ns, "web", ">=5.0.0", "");
    HelmChartStatus status = reconcileStalledChart(ns, "web");

    Condition ready = condition(status.getConditions(), "Ready");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("InvalidChartReference");
    assertThat(ready.getMessage())
        .startsWith("invalid chart reference: ")
        .contains("'web'", "'>=5.0.0'", charts.url());
    assertThat(condition(status.getConditions(), "Stalled").getReason())
        .isEqualTo("InvalidChartReference");
    assertThat(condition(status.getConditions(), "FetchFailed").getStatus()).isEqualTo("True");
    assertThat(status.getArtifact()).isEqualTo(good);
    assertThat(client.v1().events().inNamespace(ns).list().getItems())
        .anySatisfy(
            e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getReason()).isEqualTo("InvalidChartReference");
            });

    chart(ns, "late", "*", "");
    assertThat(condition(reconcileStalledChart(ns, "late").getConditions(), "Stalled").getStatus())
        .isEqualTo("True");
    publish("late", "0.1.0", Map.of());
    reconcileRepository(ns);
    HelmChartStatus published = reconcileChart(ns, "late");

    assertThat(condition(published.getConditions(), "Ready").getStatus()).isEqualTo("True");
    assertThat(published.getConditions()).noneMatch(c -> c.getType().equals("Stalled"));
    assertThat(published.getArtifact().revision()).isEqualTo("0.1.0");
  }

  @Test
  void unreachableOrRefusingRepositoriesFailWithoutShowingTheCredentials(TestCluster cluster)
      throws Exception {
    String ns = cluster.createNamespace("helmrepo-down");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String unreachable = "http://127.0.0.1:" + closedPort + "/";
    secret(ns, PASSWORD);
    repository(ns, unreachable);

    HelmRepositoryStatus status = reconcileRepository(ns);

    Condition ready = condition(status.getConditions(), "Ready");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("IndexationFailed");
    assertThat(ready.getMessage())
        .startsWith("failed to fetch Helm repository index: ")
        .contains(unreachable + "index.yaml");
    assertThat(condition(status.getConditions(), "FetchFailed").getReason())
        .isEqualTo("IndexationFailed");
    assertThat(status.getArtifact()).isNull();

    chart(ns, "web", "*", "");
    HelmChartStatus waiting = reconcileChart(ns, "web");
    assertThat(condition(waiting.getConditions(), "Ready").getReason()).isEqualTo("ArtifactFailed");
    assertThat(condition(waiting.getConditions(), "Ready").getMessage())
        .isEqualTo("no artifact available for HelmRepository source 'repo'");

    secret(ns, "wrong-" + PASSWORD);
    repository(ns, charts.url());
    status = reconcileRepository(ns);
    assertThat(condition(status.getConditions(), "Ready").getReason())
        .isEqualTo("AuthenticationFailed");

    String everything =
        client.getKubernetesSerialization().asYaml(status)
            + client
                .getKubernetesSerialization()
                .asYaml(client.v1().events().inNamespace(ns).list().getItems());
    assertThat(everything).contains("IndexationFailed", "AuthenticationFailed");
    assertThat(everything).doesNotContain(PASSWORD);
  }

  @Test
  void valuesFilesAreMergedIntoTheStoredChartsValues(TestCluster cluster) throws Exception {
    String ns = cluster.createNamespace("helmchart-values");
    secret(ns, PASSWORD);
    repository(ns, charts.url());
    reconcileRepository(ns);
    chart(ns, "vals", "*", ", valuesFiles: [values.yaml, values-prod.yaml, values-extra.yaml]");

    HelmChartStatus status = reconcileChart(ns, "vals");

    long generation =
        client
            .resources(HelmChart.class)
            .inNamespace(ns)
            .withName("vals")
            .get()
            .getMetadata()
            .getGeneration();
    String version = "0.1.0+" + generation;
    assertThat(condition(status.getConditions(), "Ready").getMessage())
        .isEqualTo(
            "packaged 'vals' chart with version '"
                + version
                + "' and merged values files [values.yaml values-prod.yaml values-extra.yaml]");
    assertThat(status.getArtifact().revision()).isEqualTo(version);
    assertThat(status.getObservedValuesFiles())
        .containsExactly("values.yaml", "values-prod.yaml", "values-extra.yaml");
    Path unpacked = unpack(store, status.getArtifact(), temp);
    var values =
        YamlReader.defaults()
            .readAll("values.yaml", Files.readString(unpacked.resolve("vals/values.yaml")))
            .get(0)
            .content();
    assertThat(values.get("replicaCount").asInt()).isEqualTo(5);
    assertThat(values.get("image").get("tag").asText()).isEqualTo("1.2.3");
    assertThat(values.get("image").get("repository").asText()).isEqualTo("nginx");
    assertThat(values.get("service").get("ports").toString()).isEqualTo("[8080]");
    assertThat(values.get("service").get("type").asText()).isEqualTo("ClusterIP");
    assertThat(values.get("extra").get("enabled").asText()).isEqualTo("yes");
    assertThat(unpacked.resolve("vals/Chart.yaml"))
        .content()
        .contains("version: \"" + version + "\"");

    chart(ns, "vals", "*", ", valuesFiles: [values.yaml, values-missing.yaml]");
    HelmChartStatus failed = reconcileStalledChart(ns, "vals");
    Condition ready = condition(failed.getConditions(), "Ready");
    assertThat(ready.getReason()).isEqualTo("ValuesFilesError");
    assertThat(condition(failed.getConditions(), "Stalled").getReason())
        .isEqualTo("ValuesFilesError");
    assertThat(ready.getMessage()).contains("no values file found at path 'values-missing.yaml'");
    assertThat(failed.getArtifact()).isEqualTo(status.getArtifact());

    chart(
        ns,
        "vals",
        "*",
        ", valuesFiles: [values.yaml, values-missing.yaml], ignoreMissingValuesFiles: true");
    HelmChartStatus ignored = reconcileChart(ns, "vals");
    assertThat(condition(ignored.getConditions(), "Ready").getStatus()).isEqualTo("True");
    assertThat(ignored.getObservedValuesFiles()).containsExactly("values.yaml");
  }
}

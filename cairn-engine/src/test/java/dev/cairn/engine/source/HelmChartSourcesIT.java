package dev.cairn.engine.source;

import static dev.cairn.engine.source.HelmChartReconcilerIT.condition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.GitRepositoryStatus;
import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmChartStatus;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.HelmRepositoryStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.source.helm.HelmFetcherOptions;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.OciChartFetcher;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import dev.cairn.testkit.helm.HelmCharts;
import dev.cairn.testkit.registry.OciRegistry;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Charts from the two other places: an OCI registry ({@code HelmRepository} of {@code type: oci},
 * Debian's docker-registry) and a chart directory in a Git repository fetched by the GitRepository
 * reconciler. Needs the Debian packages {@code docker-registry} and {@code git}.
 */
@ExtendWith(ClusterExtension.class)
class HelmChartSourcesIT {
  private static Path temp;
  private static OciRegistry registry;
  private static GitHttpServer git;
  private static KubernetesClient client;
  private static ArtifactStore store;
  private static StepReconciler<HelmRepository, HelmRepositoryStatus, HelmRepositoryRun>
      repositories;
  private static StepReconciler<GitRepository, GitRepositoryStatus, GitRepositoryRun>
      gitRepositories;
  private static StepReconciler<HelmChart, HelmChartStatus, HelmChartRun> helmCharts;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    temp = Files.createTempDirectory("engine-helm-sources-it-");
    registry = OciRegistry.start(temp.resolve("registry"));
    git = GitHttpServer.start(temp.resolve("git"));
    client = cluster.client();
    CairnCrdInstaller.install(
        client, List.of(HelmRepository.class, HelmChart.class, GitRepository.class));
    store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    HelmRepositoryFetcher fetcher = new HelmRepositoryFetcher(store, HelmFetcherOptions.defaults());
    EventRecorder events = new EventRecorder(client, "cairn", Clock.systemUTC());
    String base = "http://cairn-source.cairn-system";
    repositories = HelmRepositoryKind.reconciler(client, fetcher, events, base, Clock.systemUTC());
    gitRepositories =
        GitRepositoryKind.reconciler(
            client, new GitFetcher(temp.resolve("cache"), store), events, base, Clock.systemUTC());
    helmCharts =
        HelmChartKind.reconciler(
            client,
            store,
            fetcher,
            new OciChartFetcher(store, HelmFetcherOptions.defaults()),
            events,
            base,
            Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (git != null) {
      git.close();
    }
  }

  private static void apply(Class<? extends HasMetadata> type, String yaml) {
    client.resource(client.getKubernetesSerialization().unmarshal(yaml, type)).serverSideApply();
  }

  private static HelmChartStatus reconcileChart(String ns, String name) {
    ReconcileResult<HelmChartStatus> result =
        helmCharts.reconcile(ns, name, Trigger.INTERVAL).orElseThrow();
    assertThat(result.requeueAfter()).hasMinutes(3);
    return client.resources(HelmChart.class).inNamespace(ns).withName(name).get().getStatus();
  }

  @Test
  void anOciRepositoryIsReadyWithoutArtifactAndServesItsCharts(TestCluster cluster)
      throws Exception {
    for (String version : new String[] {"1.0.0", "1.0.4", "1.1.0"}) {
      Path chart = HelmCharts.create(temp.resolve("oci-" + version), "podinfo", version);
      HelmCharts.pushPlainHttp(
          HelmCharts.packageChart(chart, temp.resolve("oci-pkg"), "podinfo", version),
          registry.ociUrl("charts"));
    }
    String ns = cluster.createNamespace("oci");
    apply(
        HelmRepository.class,
        """
        apiVersion: cairn.dev/v1
        kind: HelmRepository
        metadata: {name: repo, namespace: %s}
        spec: {url: "%s", type: oci, insecure: true}
        """
            .formatted(ns, registry.ociUrl("charts")));

    ReconcileResult<HelmRepositoryStatus> repo =
        repositories.reconcile(ns, "repo", Trigger.WATCH).orElseThrow();

    assertThat(condition(repo.status().getConditions(), "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(repo.status().getConditions(), "Ready").getMessage())
        .isEqualTo("Helm repository is Ready");
    assertThat(repo.status().getArtifact()).isNull();
    assertThat(repo.requeueAfter()).isNull();

    apply(
        HelmChart.class,
        """
        apiVersion: cairn.dev/v1
        kind: HelmChart
        metadata: {name: podinfo, namespace: %s}
        spec: {chart: podinfo, version: "~1.0.0", interval: 3m, sourceRef: {kind: HelmRepository, name: repo}}
        """
            .formatted(ns));
    HelmChartStatus status = reconcileChart(ns, "podinfo");

    assertThat(condition(status.getConditions(), "Ready").getMessage())
        .isEqualTo("pulled 'podinfo' chart with version '1.0.4'");
    assertThat(status.getArtifact().revision()).isEqualTo("1.0.4");
    assertThat(status.getObservedSourceArtifactRevision()).isNull();
    assertThat(
            HelmChartReconcilerIT.unpack(store, status.getArtifact(), temp)
                .resolve("podinfo/Chart.yaml"))
        .content()
        .contains("version: 1.0.4");

    // no registry event would wake a stalled chart when a matching tag is pushed: it is retried
    apply(
        HelmChart.class,
        """
        apiVersion: cairn.dev/v1
        kind: HelmChart
        metadata: {name: podinfo, namespace: %s}
        spec: {chart: podinfo, version: "~9.0.0", interval: 3m, sourceRef: {kind: HelmRepository, name: repo}}
        """
            .formatted(ns));
    HelmChartStatus missing = reconcileChart(ns, "podinfo");
    assertThat(condition(missing.getConditions(), "Ready").getReason())
        .isEqualTo("InvalidChartReference");
    assertThat(missing.getConditions()).noneMatch(c -> c.getType().equals("Stalled"));
    assertThat(missing.getArtifact().revision()).isEqualTo("1.0.4");

    apply(
        HelmRepository.class,
        """
        apiVersion: cairn.dev/v1
        kind: HelmRepository
        metadata: {name: repo, namespace: %s}
        spec: {url: "http://%s/charts", type: oci}
        """
            .formatted(ns, registry.host()));
    repo = repositories.reconcile(ns, "repo", Trigger.WATCH).orElseThrow();
    assertThat(condition(repo.status().getConditions(), "Ready").getReason())
        .isEqualTo("URLInvalid");
    assertThat(condition(repo.status().getConditions(), "Stalled").getStatus()).isEqualTo("True");
  }

  @Test
  void aChartDirectoryInAGitRepositoryIsPackagedFromItsArtifact(TestCluster cluster)
      throws Exception {
    String ns = cluster.createNamespace("gitchart");
    String url = git.createRepository(ns);
    GitWorkingCopy work = GitWorkingCopy.init(Files.createTempDirectory(temp, "work"));
    HelmCharts.create(work.directory().resolve("charts"), "app", "0.3.0");
    work.write("charts/app/values-prod.yaml", "replicaCount: 4\n");
    String sha = work.commitAll("chart");
    work.push(url);
    apply(
        GitRepository.class,
        """
        apiVersion: cairn.dev/v1
        kind: GitRepository
        metadata: {name: repo, namespace: %s}
        spec: {url: "%s", interval: 1m, ref: {branch: main}}
        """
            .formatted(ns, url));
    apply(
        HelmChart.class,
        """
        apiVersion: cairn.dev/v1
        kind: HelmChart
        metadata: {name: app, namespace: %s}
        spec: {chart: ./charts/app, interval: 3m, sourceRef: {kind: GitRepository, name: repo}}
        """
            .formatted(ns));

    HelmChartStatus waiting = reconcileChart(ns, "app");
    assertThat(condition(waiting.getConditions(), "Ready").getReason()).isEqualTo("ArtifactFailed");
    assertThat(condition(waiting.getConditions(), "Ready").getMessage())
        .isEqualTo("no artifact available for GitRepository source 'repo'");

    gitRepositories.reconcile(ns, "repo", Trigger.WATCH).orElseThrow();
    GitRepositoryStatus source =
        client.resources(GitRepository.class).inNamespace(ns).withName("repo").get().getStatus();
    assertThat(source.getArtifact().revision()).isEqualTo("main@sha1:" + sha);
    HelmChartStatus status = reconcileChart(ns, "app");

    assertThat(condition(status.getConditions(), "Ready").getMessage())
        .isEqualTo("packaged 'app' chart with version '0.3.0'");
    assertThat(status.getArtifact().revision()).isEqualTo("0.3.0");
    assertThat(status.getObservedChartName()).isEqualTo("app");
    assertThat(status.getObservedSourceArtifactRevision()).isEqualTo("main@sha1:" + sha);
    Path unpacked = HelmChartReconcilerIT.unpack(store, status.getArtifact(), temp);
    assertThat(unpacked.resolve("app/Chart.yaml")).exists();
    assertThat(unpacked.resolve("app/templates/service.yaml")).exists();
    assertThat(unpacked.resolve("charts")).doesNotExist();

    // the repository moves away: the GitRepository fails but keeps its last artifact, and the
    // chart is still packaged from it (with merged values files now, so it is built again)
    apply(
        GitRepository.class,
        """
        apiVersion: cairn.dev/v1
        kind: GitRepository
        metadata: {name: repo, namespace: %s}
        spec: {url: "%s-moved", interval: 1m, ref: {branch: main}}
        """
            .formatted(ns, url));
    gitRepositories.reconcile(ns, "repo", Trigger.WATCH).orElseThrow();
    GitRepositoryStatus failed =
        client.resources(GitRepository.class).inNamespace(ns).withName("repo").get().getStatus();
    assertThat(condition(failed.getConditions(), "Ready").getStatus()).isEqualTo("False");
    assertThat(failed.getArtifact().revision()).isEqualTo("main@sha1:" + sha);
    apply(
        HelmChart.class,
        """
        apiVersion: cairn.dev/v1
        kind: HelmChart
        metadata: {name: app, namespace: %s}
        spec: {chart: ./charts/app, interval: 3m, sourceRef: {kind: GitRepository, name: repo}, valuesFiles: [values-prod.yaml]}
        """
            .formatted(ns));

    HelmChartStatus rebuilt = reconcileChart(ns, "app");

    assertThat(condition(rebuilt.getConditions(), "Ready").getStatus()).isEqualTo("True");
    assertThat(rebuilt.getObservedValuesFiles()).containsExactly("values-prod.yaml");
    assertThat(rebuilt.getObservedSourceArtifactRevision()).isEqualTo("main@sha1:" + sha);
  }
}

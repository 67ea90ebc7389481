package dev.cairn.engine.helm;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmChartStatus;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.HelmRepositoryType;
import dev.cairn.engine.StatusWriter;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.Artifact;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.helm.ChartFromArtifact;
import dev.cairn.source.helm.HelmChartResult;
import dev.cairn.source.helm.HelmChartSpec;
import dev.cairn.source.helm.HelmFetcherOptions;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.HelmRepositorySpec;
import dev.cairn.source.helm.OciChartFetcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;

/**
 * Stands in for the HelmChart reconciler in these tests, in this one place: it pulls the chart a
 * HelmChart names with cairn-source's real fetchers from the real servers (HTTP repository, OCI
 * registry, or a GitRepository's artifact through {@link ChartFromArtifact}), stores it in the
 * shared artifact store and writes the HelmChart's status as the contract says: {@code
 * status.artifact} (revision = chart version, tarball holding {@code <chart>/Chart.yaml}), {@code
 * observedChartName}, {@code observedGeneration} and Ready (False with cairn-source's reason on
 * failure).
 */
final class ChartSourceFixture {
  private final KubernetesClient client;
  private final ArtifactStore store;
  private final HelmRepositoryFetcher http;
  private final OciChartFetcher oci;
  private final ChartFromArtifact fromGit;
  private final StatusWriter writer;

  ChartSourceFixture(KubernetesClient client, ArtifactStore store) {
    this.client = client;
    this.store = store;
    this.http = new HelmRepositoryFetcher(store, HelmFetcherOptions.defaults());
    this.oci = new OciChartFetcher(store, HelmFetcherOptions.defaults());
    this.fromGit = new ChartFromArtifact(store);
    this.writer = new StatusWriter(client);
  }

  /** Reconciles every HelmChart in {@code namespace}. */
  void reconcileAll(String namespace) {
    for (HelmChart chart :
        client.resources(HelmChart.class).inNamespace(namespace).list().getItems()) {
      reconcile(chart);
    }
  }

  private void reconcile(HelmChart chart) {
    String ns = chart.getMetadata().getNamespace();
    HelmChartStatus status = chart.getStatus() == null ? new HelmChartStatus() : chart.getStatus();
    var conditions = status.conditions(Clock.systemUTC());
    Long generation = chart.getMetadata().getGeneration();
    try {
      HelmChartResult result = pull(chart, ns);
      Artifact a = result.artifact();
      status.setArtifact(
          new dev.cairn.api.Artifact(
              a.path(),
              "http://cairn-source.cairn-system/" + a.path(),
              a.revision(),
              a.digest(),
              a.lastUpdateTime().toString(),
              a.size(),
              null));
      status.setObservedChartName(result.chart());
      conditions.markTrue(
          ConditionTypes.READY,
          ConditionReasons.SUCCEEDED,
          "pulled '" + result.chart() + "' chart with version '" + result.version() + "'",
          generation);
    } catch (SourceException e) {
      conditions.markFalse(
          ConditionTypes.READY, e.reason().conditionReason(), e.getMessage(), generation);
    }
    status.setObservedGeneration(generation);
    writer.write(HelmChart.class, chart, status);
  }

  private HelmChartResult pull(HelmChart chart, String ns) throws SourceException {
    var ref = chart.getSpec().sourceRef();
    SourceKey key = new SourceKey("helmchart", ns, chart.getMetadata().getName());
    switch (ref.kind()) {
      case HelmRepository -> {
        HelmRepository repo =
            client.resources(HelmRepository.class).inNamespace(ns).withName(ref.name()).get();
        if (repo == null) {
          throw new SourceException(
              dev.cairn.source.SourceReason.INDEXATION_FAILED,
              "HelmRepository '" + ns + "/" + ref.name() + "' not found");
        }
        HelmChartSpec spec = HelmChartSpec.of(chart.getSpec().chart(), chart.getSpec().version());
        if (repo.getSpec().type() == HelmRepositoryType.OCI) {
          return oci.pullChart(
              key,
              HelmRepositorySpec.of(repo.getSpec().url())
                  .withType(HelmRepositorySpec.Type.OCI)
                  .withInsecure(true),
              spec);
        }
        return http.pullChart(key, HelmRepositorySpec.of(repo.getSpec().url()), spec);
      }
      case GitRepository -> {
        GitRepository git =
            client.resources(GitRepository.class).inNamespace(ns).withName(ref.name()).get();
        var artifact = git.getStatus().getArtifact();
        return fromGit.extract(
            key,
            new Artifact(
                artifact.revision(),
                artifact.digest(),
                artifact.path(),
                Instant.parse(artifact.lastUpdateTime()),
                artifact.size() == null ? 0L : artifact.size()),
            chart.getSpec().chart());
      }
      default -> throw new IllegalArgumentException("unsupported source kind " + ref.kind());
    }
  }

  ArtifactStore store() {
    return store;
  }
}

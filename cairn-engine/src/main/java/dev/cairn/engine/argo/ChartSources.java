package dev.cairn.engine.argo;

import dev.cairn.api.argo.ApplicationSource;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.helm.ChartPullRequest;
import dev.cairn.source.helm.HelmChartResult;
import dev.cairn.source.helm.HelmRepositoryEndpoint;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.OciChartFetcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Charts of Helm repositories for Applications whose source names a {@code chart}: an http(s)
 * repository through its {@code index.yaml}, an OCI registry ({@code oci://} URL, or a URL without
 * scheme, as Argo CD writes OCI Helm repositories) through the registry API; {@code targetRevision}
 * is the version or a semver range ({@code *} or empty for the newest).
 */
final class ChartSources {
  private final ArtifactStore store;
  private final HelmRepositoryFetcher repositories;
  private final OciChartFetcher registries;

  ChartSources(
      ArtifactStore store, HelmRepositoryFetcher repositories, OciChartFetcher registries) {
    this.store = store;
    this.repositories = repositories;
    this.registries = registries;
  }

  CheckedOutSource fetch(ApplicationRun run, ApplicationSource source) throws SourceException {
    String url = source.repoURL();
    String version =
        source.targetRevision() == null || source.targetRevision().isBlank()
            ? "*"
            : source.targetRevision();
    ChartPullRequest request = ChartPullRequest.of(source.chart(), version);
    SourceKey key =
        new SourceKey(
            SourcesStep.SOURCE_KIND, run.key().namespace(), run.name() + "-" + source.chart());
    HelmChartResult chart;
    if (url.startsWith("http://") || url.startsWith("https://")) {
      chart = repositories.pullChart(key, HelmRepositoryEndpoint.of(url), request);
    } else {
      String oci = url.startsWith("oci://") ? url : "oci://" + url;
      chart =
          registries.pullChart(
              key,
              HelmRepositoryEndpoint.of(oci).withType(HelmRepositoryEndpoint.Type.OCI),
              request);
    }
    Path dir = SourcesStep.workDir(run);
    store.extract(chart.artifact(), dir);
    return new CheckedOutSource(source, chartDirectory(dir, source.chart()), chart.version());
  }

  private static Path chartDirectory(Path root, String name) throws SourceException {
    if (Files.isRegularFile(root.resolve(name).resolve("Chart.yaml"))) {
      return root.resolve(name);
    }
    try (Stream<Path> children = Files.list(root)) {
      return children
          .filter(child -> Files.isRegularFile(child.resolve("Chart.yaml")))
          .findFirst()
          .orElseThrow(
              () ->
                  new SourceException(
                      SourceReason.STORAGE_OPERATION_FAILED,
                      "the archive of chart " + name + " holds no Chart.yaml"));
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "cannot read chart " + name + ": " + e.getMessage());
    }
  }
}

package dev.cairn.engine.preview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.helm.HelmChartTemplateSpec;
import dev.cairn.manifest.KubeObject;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.DirectoryTrees;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import dev.cairn.source.helm.ChartBuildOptions;
import dev.cairn.source.helm.ChartFromArtifact;
import dev.cairn.source.helm.ChartPullRequest;
import dev.cairn.source.helm.HelmChartResult;
import dev.cairn.source.helm.HelmFetcherOptions;
import dev.cairn.source.helm.HelmRepositoryEndpoint;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.OciChartFetcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gets the chart a HelmRelease names, as the HelmChart reconciler would build it, with
 * cairn-source's own fetchers: from the previewed repository's tree ({@code GitRepository}), or
 * pulled from a Helm repository or OCI registry the user can reach (no credentials: those live in
 * the cluster). Pulled charts are kept for the whole preview, so a version used at both revisions
 * is pulled once. Version metadata Flux adds to a chart built with {@code valuesFiles} or {@code
 * reconcileStrategy: Revision} is not added.
 */
public final class ChartLoader implements AutoCloseable {
  private final Path work;
  private final ArtifactStore store;
  private final HelmRepositoryFetcher repositories;
  private final OciChartFetcher registries;
  private final ChartFromArtifact trees;
  private final Map<String, HelmChartResult> pulled = new ConcurrentHashMap<>();
  private final Map<Path, StoredArtifact> storedTrees = new ConcurrentHashMap<>();
  private final AtomicInteger keys = new AtomicInteger();

  public ChartLoader() {
    try {
      this.work = Files.createTempDirectory("cairn-preview-charts-");
      this.store = new ArtifactStore(work.resolve("store"), ArtifactStoreOptions.defaults());
    } catch (IOException | SourceException e) {
      throw new PreviewException("cannot create a chart store: " + e.getMessage(), e);
    }
    this.repositories = new HelmRepositoryFetcher(store, HelmFetcherOptions.defaults());
    this.registries = new OciChartFetcher(store, HelmFetcherOptions.defaults());
    this.trees = new ChartFromArtifact(store);
  }

  /** The chart at {@code path} of the previewed tree, unpacked into {@code into}. */
  public Path fromTree(Path tree, HelmChartTemplateSpec spec, Path into) throws SourceException {
    StoredArtifact artifact =
        storedTrees.computeIfAbsent(tree, t -> storeTree(t, keys.incrementAndGet()));
    SourceKey key = new SourceKey("helmchart", "preview", "tree-" + keys.incrementAndGet());
    HelmChartResult result = trees.extract(key, artifact, spec.chart(), build(spec));
    return unpack(result, into);
  }

  /** The chart pulled from the HelmRepository {@code repository} (its rendered object). */
  public Path fromRepository(KubeObject repository, HelmChartTemplateSpec spec, Path into)
      throws SourceException {
    JsonNode repoSpec = repository.node().path("spec");
    String url = repoSpec.path("url").asText();
    boolean oci = "oci".equals(repoSpec.path("type").asText()) || url.startsWith("oci://");
    HelmRepositoryEndpoint endpoint =
        HelmRepositoryEndpoint.of(url)
            .withType(oci ? HelmRepositoryEndpoint.Type.OCI : HelmRepositoryEndpoint.Type.DEFAULT)
            .withInsecure(repoSpec.path("insecure").asBoolean(false));
    String version = spec.version() == null ? "*" : spec.version();
    String cacheKey = url + "|" + spec.chart() + "|" + version + "|" + spec.valuesFiles();
    HelmChartResult result = pulled.get(cacheKey);
    if (result == null) {
      SourceKey key = new SourceKey("helmchart", "preview", "pull-" + keys.incrementAndGet());
      ChartPullRequest request = ChartPullRequest.of(spec.chart(), version);
      result =
          oci
              ? registries.pullChart(key, endpoint, request, build(spec))
              : repositories.pullChart(
                  key,
                  endpoint,
                  repositories
                      .fetchIndex(new SourceKey("helmrepository", "preview", key.name()), endpoint)
                      .index(),
                  request,
                  build(spec));
      pulled.put(cacheKey, result);
    }
    return unpack(result, into);
  }

  private StoredArtifact storeTree(Path tree, int number) {
    try {
      return store.storeDirectory(
          new SourceKey("gitrepository", "preview", "tree-" + number), "tree", tree);
    } catch (SourceException e) {
      throw new PreviewException("cannot archive the revision's tree: " + e.getMessage(), e);
    }
  }

  private Path unpack(HelmChartResult result, Path into) throws SourceException {
    store.extract(result.artifact(), into);
    Path chart = into.resolve(result.chart());
    if (Files.isRegularFile(chart.resolve("Chart.yaml"))) {
      return chart;
    }
    throw new SourceException(
        dev.cairn.source.SourceReason.CHART_NOT_FOUND,
        "the chart artifact holds no " + result.chart() + "/Chart.yaml");
  }

  private static ChartBuildOptions build(HelmChartTemplateSpec spec) {
    return ChartBuildOptions.defaults()
        .withValuesFiles(spec.valuesFiles())
        .withIgnoreMissingValuesFiles(Boolean.TRUE.equals(spec.ignoreMissingValuesFiles()));
  }

  @Override
  public void close() {
    DirectoryTrees.deleteQuietly(work);
  }
}

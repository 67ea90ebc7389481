package dev.cairn.source.helm;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Helm repositories of {@code type: default}: fetches index.yaml (parsed once per digest), finds
 * the highest chart version matching a constraint, downloads the package, verifies its digest
 * against the index and stores the unpacked chart as an artifact. OCI repositories go to {@link
 * OciChartFetcher}.
 */
public final class HelmRepositoryFetcher {
  private static final int CACHED_INDEXES = 32;

  private final ArtifactStore store;
  private final HelmFetcherOptions options;
  private final Map<String, HelmIndex> indexesByDigest =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, HelmIndex> eldest) {
              return size() > CACHED_INDEXES;
            }
          });

  public HelmRepositoryFetcher(ArtifactStore store, HelmFetcherOptions options) {
    this.store = store;
    this.options = options;
  }

  /** Downloads index.yaml and stores it; the revision is the index digest. */
  public HelmIndexResult fetchIndex(SourceKey key, HelmRepositoryEndpoint spec)
      throws SourceException {
    URI base = baseUri(spec);
    URI indexUri = URI.create(base + "index.yaml");
    byte[] bytes =
        http(spec, base)
            .get(indexUri, options.maxIndexBytes(), SourceReason.INDEXATION_FAILED, "fetch index");
    String digest = "sha256:" + ChartArchives.sha256Hex(bytes);
    HelmIndex index = indexesByDigest.get(digest);
    if (index == null) {
      index = HelmIndex.parse(bytes, indexUri.toString());
      indexesByDigest.put(digest, index);
    }
    StoredArtifact artifact = store.store(key, digest, w -> w.addFile("index.yaml", bytes, false));
    return new HelmIndexResult(artifact, digest, index);
  }

  /** Fetches the index, then pulls the best matching chart version into {@code chartKey}. */
  public HelmChartResult pullChart(
      SourceKey chartKey, HelmRepositoryEndpoint repo, ChartPullRequest chart)
      throws SourceException {
    URI base = baseUri(repo);
    HelmIndexResult index = fetchIndex(indexKeyFor(chartKey), repo);
    return pullChart(chartKey, repo, index.index(), chart, base, ChartBuildOptions.defaults());
  }

  /** Pulls the best matching chart version listed in an index already fetched. */
  public HelmChartResult pullChart(
      SourceKey chartKey, HelmRepositoryEndpoint repo, HelmIndex index, ChartPullRequest chart)
      throws SourceException {
    return pullChart(chartKey, repo, index, chart, ChartBuildOptions.defaults());
  }

  /**
   * Pulls the best matching chart version listed in an index already fetched and stores it changed
   * as {@code build} says (values files merged, version metadata).
   */
  public HelmChartResult pullChart(
      SourceKey chartKey,
      HelmRepositoryEndpoint repo,
      HelmIndex index,
      ChartPullRequest chart,
      ChartBuildOptions build)
      throws SourceException {
    return pullChart(chartKey, repo, index, chart, baseUri(repo), build);
  }

  /**
   * The parsed index of an index artifact this fetcher stored (its revision is the index digest);
   * parsed once per digest.
   */
  public HelmIndex storedIndex(StoredArtifact indexArtifact) throws SourceException {
    HelmIndex cached = indexesByDigest.get(indexArtifact.revision());
    if (cached != null) {
      return cached;
    }
    byte[] bytes = readIndex(indexArtifact);
    HelmIndex index = HelmIndex.parse(bytes, "artifact " + indexArtifact.path());
    indexesByDigest.put("sha256:" + ChartArchives.sha256Hex(bytes), index);
    return index;
  }

  private HelmChartResult pullChart(
      SourceKey chartKey,
      HelmRepositoryEndpoint repo,
      HelmIndex index,
      ChartPullRequest chart,
      URI base,
      ChartBuildOptions build)
      throws SourceException {
    ChartVersion version =
        index
            .find(chart.chart(), chart.version())
            .orElseThrow(
                () ->
                    new SourceException(
                        SourceReason.CHART_NOT_FOUND,
                        "no version of chart '"
                            + chart.chart()
                            + "' matching '"
                            + chart.version()
                            + "' in "
                            + base));
    if (version.urls().isEmpty()) {
      throw new SourceException(
          SourceReason.CHART_PULL_FAILED,
          "chart " + chart.chart() + " " + version.version() + " in " + base + " lists no URL");
    }
    URI chartUri = resolve(base, version.urls().get(0));
    String what = "chart " + chart.chart() + " " + version.version() + " from " + chartUri;
    HelmHttp http = http(repo, base);
    byte[] packaged =
        repo.passCredentials()
            ? http.getWithCredentials(
                    chartUri,
                    options.maxChartBytes(),
                    SourceReason.CHART_PULL_FAILED,
                    "download chart")
                .body()
            : http.get(
                chartUri,
                options.maxChartBytes(),
                SourceReason.CHART_PULL_FAILED,
                "download chart");
    String digest = ChartArchives.verify(packaged, version.digest(), what);
    return ChartArchives.store(
        store,
        chartKey,
        chart.chart(),
        version.version(),
        packaged,
        digest,
        options.chartLimits(),
        build);
  }

  private byte[] readIndex(StoredArtifact indexArtifact) throws SourceException {
    try (InputStream file = store.open(indexArtifact);
        TarArchiveInputStream tar =
            new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(file)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.isFile() && "index.yaml".equals(entry.getName())) {
          byte[] bytes =
              tar.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxIndexBytes() + 1));
          if (bytes.length > options.maxIndexBytes()) {
            break;
          }
          return bytes;
        }
      }
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "cannot read index artifact " + indexArtifact.path() + ": " + e.getMessage(),
          e);
    }
    throw new SourceException(
        SourceReason.INDEXATION_FAILED,
        "index artifact " + indexArtifact.path() + " holds no index.yaml within the size limit");
  }

  private HelmHttp http(HelmRepositoryEndpoint spec, URI base) throws SourceException {
    return new HelmHttp(base, spec.credentials(), spec.insecure(), spec.tls(), spec.timeout());
  }

  private static SourceKey indexKeyFor(SourceKey chartKey) {
    return new SourceKey("helmrepository-index", chartKey.namespace(), chartKey.name());
  }

  private static URI resolve(URI base, String url) throws SourceException {
    try {
      URI uri = new URI(url);
      return uri.isAbsolute() ? uri : base.resolve(uri);
    } catch (URISyntaxException e) {
      throw new SourceException(
          SourceReason.CHART_PULL_FAILED, "chart URL '" + url + "' in " + base + " is invalid");
    }
  }

  /** The repository URL with exactly one trailing slash; http or https only. */
  static URI baseUri(HelmRepositoryEndpoint spec) throws SourceException {
    String url = spec.url().strip();
    URI uri;
    try {
      uri = new URI(url.endsWith("/") ? url : url + "/");
    } catch (URISyntaxException e) {
      throw new SourceException(
          SourceReason.URL_INVALID, "Helm repository URL does not parse: " + e.getReason());
    }
    if (uri.getRawUserInfo() != null) {
      throw new SourceException(
          SourceReason.URL_INVALID, "Helm repository URL must not carry credentials");
    }
    String scheme = uri.getScheme();
    if (spec.type() != HelmRepositoryEndpoint.Type.DEFAULT
        || !("http".equals(scheme) || "https".equals(scheme))
        || uri.getHost() == null) {
      throw new SourceException(
          SourceReason.URL_INVALID,
          "Helm repository URL '" + uri + "' must be http(s) with a host for type default");
    }
    return uri;
  }
}

package dev.cairn.source.helm;

import dev.cairn.source.SemverSelector;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.SourceKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Helm charts from an OCI registry ({@code HelmRepository} of {@code type: oci}), over the
 * distribution HTTP API: lists the tags of {@code <url>/<chart>}, picks the highest version
 * matching the constraint (Helm stores {@code +} as {@code _} in tags), reads the manifest, finds
 * the Helm chart layer, downloads it and checks it against the layer digest. Plain HTTP only when
 * {@code insecure} is set. Basic credentials go to the registry; a Bearer challenge is answered
 * with the registry token flow ({@link RegistryTokens}).
 */
public final class OciChartFetcher {
  static final String CHART_LAYER = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
  private static final String MANIFEST_TYPES =
      "application/vnd.oci.image.manifest.v1+json, "
          + "application/vnd.docker.distribution.manifest.v2+json";
  private static final long MAX_METADATA_BYTES = 4L * 1024 * 1024;

  private final ArtifactStore store;
  private final HelmFetcherOptions options;

  public OciChartFetcher(ArtifactStore store, HelmFetcherOptions options) {
    this.store = store;
    this.options = options;
  }

  public HelmChartResult pullChart(
      SourceKey key, HelmRepositoryEndpoint repo, ChartPullRequest chart) throws SourceException {
    return pullChart(key, repo, chart, ChartBuildOptions.defaults());
  }

  /** Pulls the best matching version and stores it changed as {@code build} says. */
  public HelmChartResult pullChart(
      SourceKey key, HelmRepositoryEndpoint repo, ChartPullRequest chart, ChartBuildOptions build)
      throws SourceException {
    Reference ref = Reference.of(repo, chart.chart());
    HelmHttp http =
        new HelmHttp(ref.registry(), repo.credentials(), false, repo.tls(), repo.timeout());
    String version = resolveVersion(http, ref, chart);
    String tag = version.replace('+', '_');
    HelmHttp.Response manifest =
        withToken(
            http,
            ref,
            ref.api("manifests/" + tag),
            Map.of("Accept", MANIFEST_TYPES),
            MAX_METADATA_BYTES,
            SourceReason.CHART_PULL_FAILED,
            "read manifest of " + ref.display(tag));
    String layerDigest = chartLayerDigest(manifest.body(), ref.display(tag));
    byte[] packaged =
        withToken(
                http,
                ref,
                ref.api("blobs/" + layerDigest),
                Map.of(),
                options.maxChartBytes(),
                SourceReason.CHART_PULL_FAILED,
                "download chart layer of " + ref.display(tag))
            .body();
    String digest =
        ChartArchives.verify(packaged, layerDigest, "chart layer of " + ref.display(tag));
    return ChartArchives.store(
        store, key, chart.chart(), version, packaged, digest, options.chartLimits(), build);
  }

  private static String resolveVersion(HelmHttp http, Reference ref, ChartPullRequest chart)
      throws SourceException {
    byte[] body =
        withToken(
                http,
                ref,
                ref.api("tags/list"),
                Map.of(),
                MAX_METADATA_BYTES,
                SourceReason.CHART_PULL_FAILED,
                "list tags of " + ref.display(null))
            .body();
    Object document = json(body, "tag list of " + ref.display(null));
    List<String> versions =
        document instanceof Map<?, ?> map && map.get("tags") instanceof List<?> tags
            ? tags.stream().map(String::valueOf).map(t -> t.replace('_', '+')).toList()
            : List.of();
    Optional<String> best = SemverSelector.highest(versions, chart.version());
    return best.orElseThrow(
        () ->
            new SourceException(
                SourceReason.CHART_NOT_FOUND,
                "no tag of "
                    + ref.display(null)
                    + " matches version '"
                    + chart.version()
                    + "' ("
                    + versions.size()
                    + " tags)"));
  }

  private static HelmHttp.Response withToken(
      HelmHttp http,
      Reference ref,
      URI uri,
      Map<String, String> headers,
      long maxBytes,
      SourceReason failure,
      String what)
      throws SourceException {
    return RegistryTokens.get(http, ref.display(null), uri, headers, maxBytes, failure, what);
  }

  private static String chartLayerDigest(byte[] manifest, String where) throws SourceException {
    Object document = json(manifest, "manifest of " + where);
    if (document instanceof Map<?, ?> map && map.get("layers") instanceof List<?> layers) {
      for (Object layer : layers) {
        if (layer instanceof Map<?, ?> l
            && CHART_LAYER.equals(l.get("mediaType"))
            && String.valueOf(l.get("digest")).matches("sha256:[0-9a-f]{64}")) {
          return String.valueOf(l.get("digest"));
        }
      }
    }
    throw new SourceException(
        SourceReason.CHART_PULL_FAILED, "manifest of " + where + " has no Helm chart layer");
  }

  private static Object json(byte[] body, String what) throws SourceException {
    try {
      return new Load(LoadSettings.builder().build())
          .loadFromString(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new SourceException(SourceReason.CHART_PULL_FAILED, what + " is not valid JSON");
    }
  }

  /** {@code oci://host[:port]/path} plus chart name, as registry API URLs. */
  record Reference(URI registry, String repository) {
    static Reference of(HelmRepositoryEndpoint spec, String chart) throws SourceException {
      URI uri;
      try {
        uri = new URI(spec.url().strip());
      } catch (URISyntaxException e) {
        throw new SourceException(
            SourceReason.URL_INVALID, "OCI repository URL does not parse: " + e.getReason());
      }
      if (uri.getRawUserInfo() != null) {
        throw new SourceException(
            SourceReason.URL_INVALID, "OCI repository URL must not carry credentials");
      }
      if (!"oci".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new SourceException(
            SourceReason.URL_INVALID, "OCI repository URL '" + uri + "' must be oci://host/path");
      }
      if (!chart.matches("[a-z0-9]+([._-][a-z0-9]+)*")) {
        throw new SourceException(
            SourceReason.INVALID_SPEC, "chart name '" + chart + "' is not a valid OCI name");
      }
      String scheme = spec.insecure() ? "http" : "https";
      String authority = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
      String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
      String repository = path.isEmpty() ? chart : path + "/" + chart;
      return new Reference(URI.create(scheme + "://" + authority + "/"), repository);
    }

    URI api(String suffix) {
      return registry.resolve("/v2/" + repository + "/" + suffix);
    }

    String display(String tag) {
      return registry.getAuthority() + "/" + repository + (tag == null ? "" : ":" + tag);
    }
  }
}

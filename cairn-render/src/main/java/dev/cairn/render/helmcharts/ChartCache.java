package dev.cairn.render.helmcharts;

import dev.cairn.kustomize.HelmChartArgs;
import dev.cairn.render.RenderException;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.DirectoryTrees;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.helm.ChartPullRequest;
import dev.cairn.source.helm.HelmChartResult;
import dev.cairn.source.helm.HelmFetcherOptions;
import dev.cairn.source.helm.HelmRepositoryEndpoint;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.OciChartFetcher;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Charts of {@code helmCharts} entries that are not in the chart home, pulled with cairn-source's
 * fetchers ({@code http(s)://} index repositories and {@code oci://} registries) and unpacked under
 * a cache directory, one directory per repository, chart and version asked for. A chart asked for
 * by an exact version is taken from the cache without touching the network; a range or an empty
 * version is resolved against the repository every time. Thread-safe; several processes may share
 * the directory (unpacked charts are moved into place atomically).
 */
public final class ChartCache {
  private static final Pattern EXACT =
      Pattern.compile("v?[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

  private static final String PINNED = "pinned";

  private final Path root;
  private final HelmFetcherOptions options;
  private final boolean plainHttp;

  private ChartCache(Path root, HelmFetcherOptions options, boolean plainHttp) {
    this.root = root.toAbsolutePath().normalize();
    this.options = options;
    this.plainHttp = plainHttp;
  }

  public static ChartCache at(Path root) {
    return new ChartCache(root, HelmFetcherOptions.defaults(), false);
  }

  /** Allows OCI registries over plain HTTP (Helm's {@code --plain-http}), for local registries. */
  public ChartCache withPlainHttp(boolean value) {
    return new ChartCache(root, options, value);
  }

  public Path root() {
    return root;
  }

  /** The unpacked chart (the directory holding {@code Chart.yaml}), pulled when not cached. */
  public Path chartDirectory(HelmChartArgs chart) {
    String id = id(chart);
    Path cached = root.resolve("charts").resolve(id);
    boolean exact = EXACT.matcher(chart.version()).matches();
    if (exact && isChart(cached.resolve(PINNED).resolve(chart.name()))) {
      return cached.resolve(PINNED).resolve(chart.name());
    }
    try {
      ArtifactStore store =
          new ArtifactStore(root.resolve("store"), ArtifactStoreOptions.defaults());
      HelmChartResult pulled = pull(store, new SourceKey("helmchart", "kustomize", id), chart);
      // A range resolves anew each time; each resolved version gets its own directory, so a
      // build never sees a chart replaced under it.
      Path target =
          cached.resolve(exact ? PINNED : pulled.version().replaceAll("[^0-9A-Za-z.+-]", "_"));
      Path chartDir = target.resolve(chart.name());
      if (!isChart(chartDir)) {
        Path staging = Files.createDirectories(root.resolve("staging"));
        Path unpacked = Files.createTempDirectory(staging, id);
        store.extract(pulled.artifact(), unpacked);
        place(unpacked, target);
      }
      if (!isChart(chartDir)) {
        throw new RenderException(
            RenderException.Reason.HELM_FAILED,
            "the chart pulled from " + display(chart.repo()) + " is not named " + chart.name());
      }
      return chartDir;
    } catch (SourceException e) {
      throw new RenderException(
          RenderException.Reason.HELM_FAILED,
          "cannot pull chart "
              + chart.name()
              + (chart.version().isEmpty() ? "" : " " + chart.version())
              + " from "
              + display(chart.repo())
              + ": "
              + e.getMessage());
    } catch (IOException e) {
      throw new RenderException(
          RenderException.Reason.IO, "cannot write the chart cache " + root + ": " + e, e);
    }
  }

  private HelmChartResult pull(ArtifactStore store, SourceKey key, HelmChartArgs chart)
      throws SourceException {
    ChartPullRequest request = ChartPullRequest.of(chart.name(), chart.version());
    if (chart.isOci()) {
      HelmRepositoryEndpoint repo =
          HelmRepositoryEndpoint.of(chart.repo())
              .withType(HelmRepositoryEndpoint.Type.OCI)
              .withInsecure(plainHttp);
      return new OciChartFetcher(store, options).pullChart(key, repo, request);
    }
    return new HelmRepositoryFetcher(store, options)
        .pullChart(key, HelmRepositoryEndpoint.of(chart.repo()), request);
  }

  private static boolean isChart(Path dir) {
    return Files.isRegularFile(dir.resolve("Chart.yaml"));
  }

  /** Moves a freshly unpacked chart into place; a concurrent winner's copy is as good. */
  private static void place(Path unpacked, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try {
      Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      DirectoryTrees.deleteQuietly(unpacked);
    } catch (IOException e) {
      if (!Files.isDirectory(target)) {
        throw e;
      }
      DirectoryTrees.deleteQuietly(unpacked);
    }
  }

  /** {@code <name>-<12 hex of repo, name and version>}: a store key and a directory name. */
  static String id(HelmChartArgs chart) {
    String base = chart.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    base = base.replaceAll("^-+|-+$", "");
    if (base.length() > 40) {
      base = base.substring(0, 40);
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (chart.repo() + "\n" + chart.name() + "\n" + chart.version())
                      .getBytes(StandardCharsets.UTF_8));
      return (base.isEmpty() ? "chart" : base) + "-" + HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A repository URL without user information, for messages. */
  static String display(String repo) {
    try {
      URI uri = URI.create(repo);
      if (uri.getUserInfo() == null) {
        return repo;
      }
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
          .toString();
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      return "the repository";
    }
  }
}

package dev.cairn.source.helm;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.DirectoryArchiver;
import dev.cairn.source.artifact.DirectoryTrees;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A chart taken from a directory of another artifact (a Helm chart kept in Git): reads {@code
 * Chart.yaml} for name and version and stores the directory as {@code <name>/...}, the layout of a
 * packaged chart. The artifact's revision is the chart version.
 */
public final class ChartFromArtifact {
  private final ArtifactStore store;

  public ChartFromArtifact(ArtifactStore store) {
    this.store = store;
  }

  /**
   * @param chartKey where the chart artifact goes
   * @param source the artifact holding the chart directory
   * @param path slash-separated directory of the chart inside {@code source}
   */
  public HelmChartResult extract(SourceKey chartKey, StoredArtifact source, String path)
      throws SourceException {
    return extract(chartKey, source, path, ChartBuildOptions.defaults());
  }

  /**
   * As {@link #extract(SourceKey, StoredArtifact, String)}, changing the stored copy as {@code
   * build} says (values files merged into {@code values.yaml}, version metadata).
   */
  public HelmChartResult extract(
      SourceKey chartKey, StoredArtifact source, String path, ChartBuildOptions build)
      throws SourceException {
    Path work = null;
    try {
      work = Files.createTempDirectory("cairn-git-chart-");
      Path unpacked = work.resolve("source");
      store.extract(source, unpacked);
      Path chartDir = unpacked.resolve(path.replaceAll("^\\./", "")).normalize();
      if (!chartDir.startsWith(unpacked) || !Files.isRegularFile(chartDir.resolve("Chart.yaml"))) {
        throw new SourceException(
            SourceReason.CHART_NOT_FOUND,
            "no Chart.yaml at '" + path + "' in artifact " + source.path());
      }
      Map<?, ?> chart = readChart(chartDir.resolve("Chart.yaml"), path);
      String name = String.valueOf(chart.get("name"));
      String version = String.valueOf(chart.get("version"));
      if (chart.get("name") == null || chart.get("version") == null) {
        throw new SourceException(
            SourceReason.CHART_PULL_FAILED,
            "Chart.yaml at '" + path + "' in " + source.path() + " lacks name or version");
      }
      if (name.contains("/") || name.contains("..") || name.isBlank()) {
        throw new SourceException(
            SourceReason.CHART_PULL_FAILED, "chart name '" + name + "' is not a plain name");
      }
      ChartCustomization.Applied applied = ChartCustomization.apply(chartDir, version, build);
      Path finalChartDir = chartDir;
      StoredArtifact artifact =
          store.store(
              chartKey,
              applied.version(),
              writer -> DirectoryArchiver.writeUnder(finalChartDir, name, writer));
      return new HelmChartResult(
          artifact, name, applied.version(), artifact.digest(), applied.valuesFiles());
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "cannot copy chart at '" + path + "' out of " + source.path() + ": " + e.getMessage(),
          e);
    } finally {
      if (work != null) {
        DirectoryTrees.deleteQuietly(work);
      }
    }
  }

  private static Map<?, ?> readChart(Path file, String path) throws IOException, SourceException {
    Object doc =
        new Load(LoadSettings.builder().build())
            .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
    if (!(doc instanceof Map<?, ?> map)) {
      throw new SourceException(
          SourceReason.CHART_PULL_FAILED, "Chart.yaml at '" + path + "' is not a YAML map");
    }
    return map;
  }
}

package dev.cairn.source.helm;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.DirectoryTrees;
import dev.cairn.source.artifact.ExtractLimits;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import dev.cairn.source.artifact.TarballExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns a downloaded chart package into a stored artifact: checks its digest, unpacks it safely,
 * checks that {@code <chart>/Chart.yaml} is there, and archives the directory.
 */
final class ChartArchives {
  private ChartArchives() {}

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always provides SHA-256", e);
    }
  }

  /** Throws CHART_PULL_FAILED unless {@code expectedHex} is empty or matches the bytes. */
  static String verify(byte[] packaged, String expectedHex, String what) throws SourceException {
    String actual = sha256Hex(packaged);
    String expected = expectedHex.startsWith("sha256:") ? expectedHex.substring(7) : expectedHex;
    if (!expected.isEmpty() && !expected.equalsIgnoreCase(actual)) {
      throw new SourceException(
          SourceReason.CHART_PULL_FAILED,
          what + " has digest sha256:" + actual + " but sha256:" + expected + " was expected");
    }
    return "sha256:" + actual;
  }

  /**
   * Unpacks a verified package, applies {@code options} and stores the chart directory; the
   * artifact's revision is the stored chart's version.
   */
  static HelmChartResult store(
      ArtifactStore store,
      SourceKey key,
      String chart,
      String version,
      byte[] packaged,
      String digest,
      ExtractLimits limits,
      ChartBuildOptions options)
      throws SourceException {
    Path unpacked = null;
    try {
      unpacked = Files.createTempDirectory("cairn-chart-");
      new TarballExtractor(limits)
          .extract(new ByteArrayInputStream(packaged), unpacked, chart + "-" + version + ".tgz");
      if (!Files.isRegularFile(unpacked.resolve(chart).resolve("Chart.yaml"))) {
        throw new SourceException(
            SourceReason.CHART_PULL_FAILED,
            "package of chart " + chart + " " + version + " has no " + chart + "/Chart.yaml");
      }
      ChartCustomization.Applied applied =
          ChartCustomization.apply(unpacked.resolve(chart), version, options);
      StoredArtifact artifact = store.storeDirectory(key, applied.version(), unpacked);
      return new HelmChartResult(artifact, chart, applied.version(), digest, applied.valuesFiles());
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "cannot unpack chart " + chart + " " + version + ": " + e.getMessage(),
          e);
    } finally {
      if (unpacked != null) {
        DirectoryTrees.deleteQuietly(unpacked);
      }
    }
  }
}

package dev.cairn.source.helm;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@link ChartBuildOptions} to an unpacked chart directory before it is stored: writes the
 * merged values files as its {@code values.yaml} and sets the version's build metadata in {@code
 * Chart.yaml}. The directory is a private working copy; the published chart is never changed.
 */
final class ChartCustomization {
  private static final Pattern VERSION_LINE = Pattern.compile("(?m)^version:[^\\n]*$");

  private ChartCustomization() {}

  /**
   * @param version the chart's version as published
   * @return the version the stored chart has and the values files that were merged
   */
  static Applied apply(Path chartDir, String version, ChartBuildOptions options)
      throws SourceException {
    List<String> files = options.effectiveValuesFiles();
    List<String> merged = List.of();
    if (!files.isEmpty()) {
      ValuesMerge.Merged values =
          ValuesMerge.mergeFiles(chartDir, files, options.ignoreMissingValuesFiles());
      write(chartDir.resolve(ValuesMerge.DEFAULT_VALUES_FILE), values.yaml());
      merged = values.files();
    }
    String finalVersion = options.versionFor(version);
    if (!finalVersion.equals(version)) {
      Path chartYaml = chartDir.resolve("Chart.yaml");
      String text = read(chartYaml);
      Matcher line = VERSION_LINE.matcher(text);
      if (!line.find()) {
        throw new SourceException(
            SourceReason.CHART_PULL_FAILED, "Chart.yaml of version " + version + " has no version");
      }
      write(
          chartYaml,
          line.replaceFirst(Matcher.quoteReplacement("version: \"" + finalVersion + "\"")));
    }
    return new Applied(finalVersion, merged);
  }

  /** What {@link #apply} did. */
  record Applied(String version, List<String> valuesFiles) {}

  private static String read(Path file) throws SourceException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "cannot read " + file.getFileName() + ": " + e.getMessage(),
          e);
    }
  }

  private static void write(Path file, String text) throws SourceException {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "cannot write " + file.getFileName() + ": " + e.getMessage(),
          e);
    }
  }
}

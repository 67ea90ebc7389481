package dev.cairn.source.helm;

import java.util.List;
import java.util.Objects;

/**
 * How a pulled or copied chart is changed before it is stored, as Flux's {@code HelmChart} does.
 *
 * @param valuesFiles values files inside the chart (paths relative to the chart root), merged in
 *     order into the stored chart's {@code values.yaml}; the chart's own {@code values.yaml} only
 *     takes part when listed (Flux: "values.yaml is not included by default")
 * @param ignoreMissingValuesFiles skip listed files that do not exist instead of failing
 * @param versionMetadata semver build metadata set on the stored chart's version ({@code 1.2.0} ⇒
 *     {@code 1.2.0+<metadata>}), or empty for none; Flux sets the object's generation here when
 *     values files are merged
 */
public record ChartBuildOptions(
    List<String> valuesFiles, boolean ignoreMissingValuesFiles, String versionMetadata) {
  public ChartBuildOptions {
    valuesFiles = valuesFiles == null ? List.of() : List.copyOf(valuesFiles);
    versionMetadata = versionMetadata == null ? "" : versionMetadata;
    if (!versionMetadata.isEmpty()
        && !versionMetadata.matches("[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*")) {
      throw new IllegalArgumentException(
          "version metadata '" + versionMetadata + "' is not semver build metadata");
    }
  }

  /** No values files, no version metadata: the chart is stored as it was published. */
  public static ChartBuildOptions defaults() {
    return new ChartBuildOptions(List.of(), false, "");
  }

  public ChartBuildOptions withValuesFiles(List<String> value) {
    return new ChartBuildOptions(value, ignoreMissingValuesFiles, versionMetadata);
  }

  public ChartBuildOptions withIgnoreMissingValuesFiles(boolean value) {
    return new ChartBuildOptions(valuesFiles, value, versionMetadata);
  }

  public ChartBuildOptions withVersionMetadata(String value) {
    return new ChartBuildOptions(valuesFiles, ignoreMissingValuesFiles, value);
  }

  /**
   * The values files that change anything: a list holding only {@code values.yaml} is the chart's
   * default and counts as none, as in Flux.
   */
  public List<String> effectiveValuesFiles() {
    if (valuesFiles.size() == 1 && ValuesMerge.isDefaultValuesFile(valuesFiles.get(0))) {
      return List.of();
    }
    return valuesFiles;
  }

  /** The version a chart of {@code version} gets: its build metadata replaced when some is set. */
  public String versionFor(String version) {
    Objects.requireNonNull(version, "version");
    if (versionMetadata.isEmpty()) {
      return version;
    }
    int plus = version.indexOf('+');
    return (plus < 0 ? version : version.substring(0, plus)) + "+" + versionMetadata;
  }
}

package dev.cairn.source.helm;

import dev.cairn.source.SemverSelector;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** A parsed Helm repository {@code index.yaml}: chart name to its listed versions. */
public record HelmIndex(Map<String, List<ChartVersion>> entries) {
  public HelmIndex {
    entries = Map.copyOf(entries);
  }

  /** Parses index.yaml; {@code source} only labels error messages. */
  public static HelmIndex parse(byte[] yaml, String source) throws SourceException {
    Object document;
    try {
      LoadSettings settings =
          LoadSettings.builder()
              .setAllowDuplicateKeys(false)
              .setMaxAliasesForCollections(50)
              .setCodePointLimit(Math.max(yaml.length, 1) + 16)
              .build();
      document = new Load(settings).loadFromString(new String(yaml, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw invalid(source, "is not valid YAML: " + e.getMessage());
    }
    if (!(document instanceof Map<?, ?> root) || root.get("apiVersion") == null) {
      throw invalid(source, "is not a Helm index (no apiVersion)");
    }
    Object rawEntries = root.get("entries") == null ? Map.of() : root.get("entries");
    if (!(rawEntries instanceof Map<?, ?> raw)) {
      throw invalid(source, "has an 'entries' field that is not a map");
    }
    Map<String, List<ChartVersion>> entries = new LinkedHashMap<>();
    for (Map.Entry<?, ?> chart : raw.entrySet()) {
      String name = String.valueOf(chart.getKey());
      List<ChartVersion> versions = new ArrayList<>();
      if (chart.getValue() instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof Map<?, ?> entry && entry.get("version") != null) {
            versions.add(
                new ChartVersion(
                    name,
                    String.valueOf(entry.get("version")),
                    strings(entry.get("urls")),
                    entry.get("digest") == null ? "" : String.valueOf(entry.get("digest"))));
          }
        }
      }
      entries.put(name, versions);
    }
    return new HelmIndex(entries);
  }

  /** The highest version of {@code chart} satisfying {@code constraint}. */
  public Optional<ChartVersion> find(String chart, String constraint) throws SourceException {
    List<ChartVersion> versions = entries.getOrDefault(chart, List.of());
    Optional<String> best =
        SemverSelector.highest(versions.stream().map(ChartVersion::version).toList(), constraint);
    return best.flatMap(v -> versions.stream().filter(c -> c.version().equals(v)).findFirst());
  }

  public int chartCount() {
    return entries.size();
  }

  private static List<String> strings(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  private static SourceException invalid(String source, String why) {
    return new SourceException(SourceReason.INDEXATION_FAILED, "Helm index " + source + " " + why);
  }
}

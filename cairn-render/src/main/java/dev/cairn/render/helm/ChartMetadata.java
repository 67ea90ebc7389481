package dev.cairn.render.helm;

import dev.cairn.render.RenderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A chart's {@code Chart.yaml}: name, version, appVersion, and every field as read (Helm stores the
 * whole metadata in its release records).
 */
public record ChartMetadata(
    String name, String version, String appVersion, Map<String, Object> fields) {

  public ChartMetadata {
    fields = Map.copyOf(fields);
  }

  /** Reads {@code <chartDir>/Chart.yaml}. */
  public static ChartMetadata read(Path chartDir) {
    Path file = chartDir.resolve("Chart.yaml");
    Object doc;
    try {
      doc =
          new Load(LoadSettings.builder().build())
              .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RenderException(
          RenderException.Reason.PATH_NOT_FOUND,
          "chart has no readable Chart.yaml: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new RenderException(
          RenderException.Reason.HELM_FAILED, "Chart.yaml is not valid YAML: " + e.getMessage());
    }
    if (!(doc instanceof Map<?, ?> map) || map.get("name") == null || map.get("version") == null) {
      throw new RenderException(
          RenderException.Reason.HELM_FAILED, "Chart.yaml must be a map with name and version");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    map.forEach((k, v) -> fields.put(String.valueOf(k), v == null ? "" : v));
    Object app = map.get("appVersion");
    return new ChartMetadata(
        String.valueOf(map.get("name")),
        String.valueOf(map.get("version")),
        app == null ? "" : String.valueOf(app),
        fields);
  }
}

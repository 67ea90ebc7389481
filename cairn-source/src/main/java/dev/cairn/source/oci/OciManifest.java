package dev.cairn.source.oci;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The parts of an image manifest a source needs: its layers and its annotations. */
record OciManifest(List<Layer> layers, Map<String, String> annotations) {
  private static final String DIGEST = "sha256:[0-9a-f]{64}";

  /** One layer descriptor. */
  record Layer(String mediaType, String digest, long size) {}

  static OciManifest parse(byte[] body, String where) throws SourceException {
    Object document = json(body, "manifest of " + where);
    if (!(document instanceof Map<?, ?> map)) {
      throw pullFailed("manifest of " + where + " is not a JSON object");
    }
    if (map.get("manifests") instanceof List<?>) {
      throw pullFailed(
          where + " is an image index, not an artifact manifest; pin a single manifest by digest");
    }
    List<Layer> layers = new ArrayList<>();
    if (map.get("layers") instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof Map<?, ?> layer)
            || !String.valueOf(layer.get("digest")).matches(DIGEST)) {
          throw pullFailed("manifest of " + where + " has a layer without a sha256 digest");
        }
        long size = layer.get("size") instanceof Number n ? n.longValue() : -1;
        layers.add(
            new Layer(String.valueOf(layer.get("mediaType")), (String) layer.get("digest"), size));
      }
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    if (map.get("annotations") instanceof Map<?, ?> values) {
      values.forEach((k, v) -> annotations.put(String.valueOf(k), String.valueOf(v)));
    }
    return new OciManifest(List.copyOf(layers), annotations);
  }

  /**
   * The layer {@code mediaType} selects (the first of that type), or the first layer when it is
   * null, as Flux's layer selector does.
   */
  Layer select(String mediaType, String where) throws SourceException {
    if (layers.isEmpty()) {
      throw new SourceException(
          SourceReason.OCI_LAYER_FAILED, "artifact " + where + " has no layers");
    }
    if (mediaType == null || mediaType.isBlank()) {
      return layers.get(0);
    }
    return layers.stream()
        .filter(l -> mediaType.equals(l.mediaType()))
        .findFirst()
        .orElseThrow(
            () ->
                new SourceException(
                    SourceReason.OCI_LAYER_FAILED,
                    "failed to find layer with media type '"
                        + mediaType
                        + "' in artifact "
                        + where));
  }

  static Object json(byte[] body, String what) throws SourceException {
    try {
      return new Load(LoadSettings.builder().build())
          .loadFromString(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw pullFailed(what + " is not valid JSON");
    }
  }

  private static SourceException pullFailed(String message) {
    return new SourceException(SourceReason.OCI_PULL_FAILED, message);
  }
}

package dev.cairn.engine.helm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Helm's storage encoding of a release: the release as JSON (Helm's field names), gzipped, then
 * base64 (standard alphabet). The result is the byte value of the storage Secret's {@code release}
 * key, so the Secret's {@code data.release} on the wire is that text base64-encoded once more, as
 * Helm writes it.
 */
final class ReleaseCodec {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private ReleaseCodec() {}

  static String encode(ReleaseRecord record) {
    try {
      byte[] json = JSON.writeValueAsBytes(toJson(record));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
        gzip.write(json);
      }
      return Base64.getEncoder().encodeToString(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode release " + record.describe(), e);
    }
  }

  /** Decodes a value {@link #encode} (or Helm) wrote; plain JSON without gzip is accepted too. */
  static ReleaseRecord decode(String encoded) {
    try {
      byte[] raw = Base64.getDecoder().decode(encoded.trim());
      if (raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(raw))) {
          raw = gzip.readAllBytes();
        }
      }
      return fromJson(JSON.readValue(raw, MAP));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot decode a Helm release record: " + e.getMessage(), e);
    }
  }

  static ObjectNode toJson(ReleaseRecord r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", r.name());
    ObjectNode info = root.putObject("info");
    info.put("first_deployed", r.firstDeployed());
    info.put("last_deployed", r.lastDeployed());
    info.put("deleted", "");
    info.put("description", r.description());
    info.put("status", r.status());
    ObjectNode chart = root.putObject("chart");
    chart.set("metadata", JSON.valueToTree(r.chartMetadata()));
    chart.putNull("lock");
    chart.putArray("templates");
    chart.putObject("values");
    chart.putNull("schema");
    chart.putArray("files");
    root.set("config", JSON.valueToTree(r.config()));
    root.put("manifest", r.manifest());
    root.set("hooks", JSON.valueToTree(r.hooks()));
    root.put("version", r.version());
    root.put("namespace", r.namespace());
    return root;
  }

  @SuppressWarnings("unchecked")
  static ReleaseRecord fromJson(Map<String, Object> json) {
    Map<String, Object> info = map(json.get("info"));
    Map<String, Object> chart = map(json.get("chart"));
    Object hooks = json.get("hooks");
    return new ReleaseRecord(
        String.valueOf(json.get("name")),
        String.valueOf(json.get("namespace")),
        ((Number) json.getOrDefault("version", 0)).intValue(),
        String.valueOf(info.getOrDefault("status", "")),
        String.valueOf(info.getOrDefault("first_deployed", "")),
        String.valueOf(info.getOrDefault("last_deployed", "")),
        String.valueOf(info.getOrDefault("description", "")),
        map(chart.get("metadata")),
        map(json.get("config")),
        json.get("manifest") == null ? "" : String.valueOf(json.get("manifest")),
        hooks instanceof List<?> list ? (List<Map<String, Object>>) list : List.of());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }
}

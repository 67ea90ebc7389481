package dev.cairn.kustomize.generate;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 10-character name suffix kustomize appends to generated ConfigMaps and Secrets.
 *
 * <p>It hashes a canonical JSON document (Go {@code encoding/json} rules: sorted keys, HTML-safe
 * escaping) made of the kind, an empty name, the type (Secrets) and the data fields only, takes the
 * first ten hex digits of its SHA-256 and swaps the characters 0, 1, 3, a, e for g, h, k, m, t so
 * the suffix has no vowels or digit look-alikes.
 */
public final class NameHash {
  private NameHash() {}

  /** The suffix for a ConfigMap or Secret object. */
  public static String of(JsonNode object) {
    String kind = object.path("kind").asText();
    Map<String, Object> doc = new TreeMap<>();
    doc.put("kind", kind);
    // Kustomize looks the name up as one field called "metadata/name", which never exists, so the
    // name always hashes as "" (the suffix depends on kind, type and data only).
    doc.put("name", "");
    doc.put("data", mapOrEmpty(object.get("data")));
    if (kind.equals("Secret")) {
      doc.put("type", scalarOrEmpty(object.get("type")));
      if (object.path("stringData").isObject()) {
        doc.put("stringData", object.get("stringData"));
      }
    } else if (object.path("binaryData").isObject()) {
      doc.put("binaryData", object.get("binaryData"));
    }
    StringBuilder json = new StringBuilder();
    write(doc, json);
    return encode(sha256Hex(json.toString()));
  }

  private static Object scalarOrEmpty(JsonNode n) {
    return n == null || n.isNull() || n.isContainerNode() ? "" : n.asText();
  }

  private static Object mapOrEmpty(JsonNode n) {
    return n != null && n.isObject() ? n : "";
  }

  static String encode(String hex) {
    char[] out = hex.substring(0, 10).toCharArray();
    for (int i = 0; i < out.length; i++) {
      switch (out[i]) {
        case '0' -> out[i] = 'g';
        case '1' -> out[i] = 'h';
        case '3' -> out[i] = 'k';
        case 'a' -> out[i] = 'm';
        case 'e' -> out[i] = 't';
        default -> {}
      }
    }
    return new String(out);
  }

  private static String sha256Hex(String s) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(64);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(e.getKey().toString(), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof JsonNode node) {
      writeNode(node, out);
    } else {
      writeString(String.valueOf(value), out);
    }
  }

  private static void writeNode(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      Map<String, Object> sorted = new TreeMap<>();
      node.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
      write(sorted, out);
    } else if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode e : node) {
        StringBuilder sb = new StringBuilder();
        writeNode(e, sb);
        parts.add(sb.toString());
      }
      out.append('[').append(String.join(",", parts)).append(']');
    } else if (node.isTextual()) {
      writeString(node.asText(), out);
    } else if (node.isNull()) {
      out.append("null");
    } else {
      out.append(node.asText());
    }
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}

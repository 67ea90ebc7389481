package dev.cairn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The Flux manifests under {@code src/test/resources/flux}, read as JSON trees. */
final class FluxManifests {

  static final List<String> FILES =
      List.of(
          "gitrepository-fleet-infra.yaml",
          "ocirepository-podinfo.yaml",
          "helmrepository-bitnami.yaml",
          "helmchart-podinfo.yaml",
          "kustomization-infra.yaml",
          "helmrelease-ingress.yaml");

  private static final YAMLMapper YAML = new YAMLMapper();

  private FluxManifests() {}

  /** Every document of every file, as written by a Flux user. */
  static List<JsonNode> all() {
    List<JsonNode> docs = new ArrayList<>();
    FILES.forEach(f -> docs.addAll(read(f)));
    return docs;
  }

  static List<JsonNode> read(String file) {
    try (InputStream in =
        Objects.requireNonNull(
            FluxManifests.class.getResourceAsStream("/flux/" + file), "missing " + file)) {
      return YAML.readerFor(JsonNode.class).<JsonNode>readValues(in).readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of a Flux manifest with only its apiVersion changed to Cairn's. */
  static ObjectNode asCairn(JsonNode flux) {
    ObjectNode copy = flux.deepCopy();
    String apiVersion = flux.path("apiVersion").asText();
    copy.put(
        "apiVersion",
        FluxApiVersions.toCairn(apiVersion)
            .orElseThrow(() -> new IllegalArgumentException(apiVersion + " is not Flux's")));
    return copy;
  }

  static String describe(JsonNode doc) {
    return doc.path("kind").asText()
        + "/"
        + doc.path("metadata").path("name").asText()
        + " ("
        + doc.path("apiVersion").asText()
        + ")";
  }
}

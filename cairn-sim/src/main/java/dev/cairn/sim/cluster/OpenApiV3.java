package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OpenAPI v3 as kube-apiserver serves it (kube-openapi {@code handler3}): {@code /openapi/v3} lists
 * every served group-version with the URL of its document ({@code serverRelativeURL}, carrying the
 * document's hash), and {@code /openapi/v3/apis/apps/v1} is that group-version's document. The
 * documents are built from the kinds served at the time of the request, so a CRD's group-versions
 * appear once it is established and go when it is deleted. The hash is the SHA-512 of the document,
 * also its ETag; a request naming an outdated hash is redirected to the current one, and one naming
 * the current hash may be cached for good. {@code /openapi/v2} is not served: kubectl uses v3 when
 * the server has it.
 */
final class OpenApiV3 {
  static final String ROOT = "/openapi/v3";

  private final ResourceTypes types;

  OpenApiV3(ResourceTypes types) {
    this.types = types;
  }

  static boolean handles(String path) {
    return path.equals(ROOT) || path.equals(ROOT + "/") || path.startsWith(ROOT + "/");
  }

  /** {@code api/v1}, {@code apis/apps/v1}: a group-version's key in the index. */
  static String groupVersionPath(String group, String version) {
    return group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
  }

  /** Answers a GET under {@code /openapi/v3}; 404 for a group-version that is not served. */
  ApiResponse respond(ApiRequest request) {
    String path = request.path().replaceAll("/+$", "");
    Map<String, List<ResourceType>> served = servedGroupVersions();
    if (path.equals(ROOT)) {
      return index(served);
    }
    String groupVersion = path.substring(ROOT.length() + 1);
    List<ResourceType> kinds = served.get(groupVersion);
    if (kinds == null) {
      throw ApiException.noSuchResource();
    }
    String body = Json.write(document(kinds));
    String hash = hash(body);
    String asked = request.query().get("hash");
    if (asked == null) {
      return ApiResponse.json(200, body, Map.of("ETag", quoted(hash)));
    }
    if (!asked.equals(hash)) {
      return ApiResponse.json(301, "", Map.of("Location", serverRelativeUrl(groupVersion, hash)));
    }
    String expires =
        ZonedDateTime.now(java.time.ZoneOffset.UTC)
            .plusYears(1)
            .format(DateTimeFormatter.RFC_1123_DATE_TIME);
    return ApiResponse.json(
        200,
        body,
        Map.of(
            "ETag",
            quoted(hash),
            "Cache-Control",
            "public, immutable",
            "Expires",
            expires,
            "Vary",
            "Accept"));
  }

  private ApiResponse index(Map<String, List<ResourceType>> served) {
    ObjectNode index = Json.MAPPER.createObjectNode();
    ObjectNode paths = index.putObject("paths");
    served.forEach(
        (groupVersion, kinds) ->
            paths
                .putObject(groupVersion)
                .put(
                    "serverRelativeURL",
                    serverRelativeUrl(groupVersion, hash(Json.write(document(kinds))))));
    String body = Json.write(index);
    return ApiResponse.json(200, body, Map.of("ETag", quoted(hash(body))));
  }

  private Map<String, List<ResourceType>> servedGroupVersions() {
    Map<String, List<ResourceType>> served = new TreeMap<>();
    for (ResourceType type : types.all()) {
      served
          .computeIfAbsent(groupVersionPath(type.group(), type.version()), k -> new ArrayList<>())
          .add(type);
    }
    served.values().forEach(kinds -> kinds.sort((a, b) -> a.plural().compareTo(b.plural())));
    return served;
  }

  private static ObjectNode document(List<ResourceType> kinds) {
    ObjectNode document = Json.MAPPER.createObjectNode().put("openapi", "3.0.0");
    document.putObject("info").put("title", "Kubernetes").put("version", "v1.31.0");
    ObjectNode paths = document.putObject("paths");
    ObjectNode schemas = document.putObject("components").putObject("schemas");
    for (ResourceType type : kinds) {
      OpenApiV3Paths.add(paths, type, OpenApiV3Schemas.name(type));
      OpenApiV3Schemas.add(schemas, type);
    }
    OpenApiV3Schemas.addMeta(schemas);
    return document;
  }

  private static String serverRelativeUrl(String groupVersion, String hash) {
    return ROOT + "/" + groupVersion + "?hash=" + hash;
  }

  /** Upper-case hex SHA-512 of the document, as kube-openapi computes its ETag. */
  private static String hash(String body) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-512").digest(body.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String quoted(String etag) {
    return "\"" + etag + "\"";
  }
}

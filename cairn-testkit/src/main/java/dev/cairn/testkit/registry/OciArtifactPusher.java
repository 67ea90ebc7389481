package dev.cairn.testkit.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pushes artifacts to a plain-HTTP registry with the distribution API (monolithic blob uploads,
 * then the manifest by tag), laid out the way {@code flux push artifact} does: config of media type
 * {@value #FLUX_CONFIG}, one layer of {@value #FLUX_CONTENT}, and the annotations {@code
 * org.opencontainers.image.source}, {@code .revision} and {@code .created}.
 */
public final class OciArtifactPusher {
  public static final String FLUX_CONFIG = "application/vnd.cncf.flux.config.v1+json";
  public static final String FLUX_CONTENT = "application/vnd.cncf.flux.content.v1.tar+gzip";
  public static final String HELM_CONFIG = "application/vnd.cncf.helm.config.v1+json";
  public static final String HELM_CHART = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
  private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  private final HttpClient client = HttpClient.newHttpClient();
  private final String host;
  private final String authorization;

  /** Anonymous pushes to {@code host} ({@code 127.0.0.1:<port>}). */
  public OciArtifactPusher(String host) {
    this(host, null, null);
  }

  /** Pushes with HTTP basic credentials. */
  public OciArtifactPusher(String host, String username, String password) {
    this.host = host;
    this.authorization =
        username == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Pushes {@code tarGz} as a Flux artifact under {@code repository:tag}.
   *
   * @return the manifest digest, {@code sha256:<hex>}
   */
  public String pushFluxArtifact(
      String repository, String tag, byte[] tarGz, String source, String revision) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("org.opencontainers.image.created", "2026-01-01T00:00:00Z");
    annotations.put("org.opencontainers.image.revision", revision);
    annotations.put("org.opencontainers.image.source", source);
    return push(
        repository,
        tag,
        FLUX_CONFIG,
        "{}".getBytes(StandardCharsets.UTF_8),
        FLUX_CONTENT,
        tarGz,
        annotations);
  }

  /** Pushes a one-layer artifact; returns the manifest digest. */
  public String push(
      String repository,
      String tag,
      String configMediaType,
      byte[] config,
      String layerMediaType,
      byte[] layer,
      Map<String, String> annotations) {
    String configDigest = uploadBlob(repository, config);
    String layerDigest = uploadBlob(repository, layer);
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MANIFEST
            + "\",\"config\":"
            + descriptor(configMediaType, configDigest, config.length)
            + ",\"layers\":["
            + descriptor(layerMediaType, layerDigest, layer.length)
            + "],\"annotations\":{"
            + annotations.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                .collect(Collectors.joining(","))
            + "}}";
    byte[] body = manifest.getBytes(StandardCharsets.UTF_8);
    send(
        request(URI.create("http://" + host + "/v2/" + repository + "/manifests/" + tag))
            .header("Content-Type", MANIFEST)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)),
        201);
    return "sha256:" + sha256(body);
  }

  private String uploadBlob(String repository, byte[] blob) {
    String digest = "sha256:" + sha256(blob);
    HttpResponse<String> started =
        send(
            request(URI.create("http://" + host + "/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()),
            202);
    String location = started.headers().firstValue("Location").orElseThrow();
    URI upload = URI.create("http://" + host + "/").resolve(location);
    String separator = upload.getRawQuery() == null ? "?" : "&";
    send(
        request(URI.create(upload + separator + "digest=" + digest))
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)),
        201);
    return digest;
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request, int expected) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            "registry answered HTTP " + response.statusCode() + ": " + response.body());
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach the registry at " + host, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pushing to " + host, e);
    }
  }

  private static String descriptor(String mediaType, String digest, long size) {
    return "{\"mediaType\":"
        + quote(mediaType)
        + ",\"digest\":"
        + quote(digest)
        + ",\"size\":"
        + size
        + "}";
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.cairn.source.artifact;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Copies an artifact that another replica stored into this replica's {@link ArtifactStore}, from
 * the URL its source's status names (the other replica serves its store over HTTP), as Flux's
 * consumers download from source-controller. The copy is kept only when its SHA-256 is the digest
 * of the status.
 */
public final class ArtifactDownloader {
  private final ArtifactStore store;
  private final HttpClient http;
  private final Duration timeout;

  public ArtifactDownloader(ArtifactStore store, Duration timeout) {
    this.store = Objects.requireNonNull(store, "store");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Downloads the artifact at {@code url} into the store under {@code path}.
   *
   * @throws SourceException {@code ArtifactFailed} when the bytes do not have {@code digest} or the
   *     path is not an artifact's; {@code StorageOperationFailed} when the URL cannot be read
   */
  public void download(String url, String path, String digest) throws SourceException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new SourceException(SourceReason.URL_INVALID, "artifact URL '" + url + "' is invalid");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new SourceException(
          SourceReason.URL_INVALID, "artifact URL '" + url + "' is not http or https");
    }
    HttpResponse<InputStream> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw unreadable(url, e.getClass().getSimpleName() + " " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreadable(url, "interrupted", e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw unreadable(url, "HTTP " + response.statusCode(), null);
      }
      store.adopt(path, digest, body, store.options().extractLimits().maxTotalBytes());
    } catch (IOException e) {
      throw unreadable(url, e.getMessage(), e);
    }
  }

  private static SourceException unreadable(String url, String why, Exception cause) {
    return new SourceException(
        SourceReason.STORAGE_OPERATION_FAILED,
        "cannot download artifact from " + url + ": " + why,
        cause);
  }
}

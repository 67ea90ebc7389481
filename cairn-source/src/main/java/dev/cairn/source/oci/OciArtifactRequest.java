package dev.cairn.source.oci;

import dev.cairn.source.TlsSettings;
import dev.cairn.source.helm.HelmCredentials;
import java.time.Duration;
import java.util.List;

/**
 * What to pull: an {@code oci://} URL, a ref, the layer selector ({@code layerMediaType} null means
 * the first layer; {@code copy} stores the layer as is instead of extracting it), access settings
 * and the spec's ignore patterns (applied to extracted content only, as in Flux).
 */
public record OciArtifactRequest(
    String url,
    OciRef ref,
    String layerMediaType,
    boolean copy,
    HelmCredentials credentials,
    TlsSettings tls,
    boolean insecure,
    Duration timeout,
    List<String> ignore) {

  public OciArtifactRequest {
    ref = ref == null ? OciRef.defaults() : ref;
    credentials = credentials == null ? HelmCredentials.none() : credentials;
    tls = tls == null ? TlsSettings.none() : tls;
    timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    ignore = ignore == null ? List.of() : List.copyOf(ignore);
  }

  /** The latest tag of {@code url}, first layer extracted, anonymous, over HTTPS. */
  public static OciArtifactRequest of(String url) {
    return new OciArtifactRequest(url, null, null, false, null, null, false, null, null);
  }

  public OciArtifactRequest withRef(OciRef value) {
    return new OciArtifactRequest(
        url, value, layerMediaType, copy, credentials, tls, insecure, timeout, ignore);
  }

  public OciArtifactRequest withLayer(String mediaType, boolean copyLayer) {
    return new OciArtifactRequest(
        url, ref, mediaType, copyLayer, credentials, tls, insecure, timeout, ignore);
  }

  public OciArtifactRequest withCredentials(HelmCredentials value) {
    return new OciArtifactRequest(
        url, ref, layerMediaType, copy, value, tls, insecure, timeout, ignore);
  }

  public OciArtifactRequest withTls(TlsSettings value) {
    return new OciArtifactRequest(
        url, ref, layerMediaType, copy, credentials, value, insecure, timeout, ignore);
  }

  public OciArtifactRequest withInsecure(boolean value) {
    return new OciArtifactRequest(
        url, ref, layerMediaType, copy, credentials, tls, value, timeout, ignore);
  }

  public OciArtifactRequest withTimeout(Duration value) {
    return new OciArtifactRequest(
        url, ref, layerMediaType, copy, credentials, tls, insecure, value, ignore);
  }

  public OciArtifactRequest withIgnore(List<String> value) {
    return new OciArtifactRequest(
        url, ref, layerMediaType, copy, credentials, tls, insecure, timeout, value);
  }
}

package dev.cairn.image.registry;

import dev.cairn.source.TlsSettings;
import dev.cairn.source.helm.HelmCredentials;
import java.time.Duration;

/**
 * What a scan needs: the image, credentials (from a dockerconfigjson Secret), TLS settings ({@code
 * certSecretRef}), plain HTTP when {@code insecure}, and the timeout of each request. {@link
 * #toString()} shows no credentials.
 */
public record TagListRequest(
    ImageName image,
    HelmCredentials credentials,
    TlsSettings tls,
    boolean insecure,
    Duration timeout) {
  public static TagListRequest of(ImageName image) {
    return new TagListRequest(
        image, HelmCredentials.none(), TlsSettings.none(), false, Duration.ofSeconds(60));
  }

  public TagListRequest withCredentials(HelmCredentials credentials) {
    return new TagListRequest(image, credentials, tls, insecure, timeout);
  }

  public TagListRequest withTls(TlsSettings tls) {
    return new TagListRequest(image, credentials, tls, insecure, timeout);
  }

  public TagListRequest withInsecure(boolean insecure) {
    return new TagListRequest(image, credentials, tls, insecure, timeout);
  }

  public TagListRequest withTimeout(Duration timeout) {
    return new TagListRequest(image, credentials, tls, insecure, timeout);
  }
}

package dev.cairn.source.oci;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.net.URI;
import java.net.URISyntaxException;

/** {@code oci://host[:port]/repository} as the registry's API root and repository name. */
record OciAddress(URI registry, String repository) {
  private static final String NAME = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";

  static OciAddress parse(String url, boolean insecure) throws SourceException {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.strip());
    } catch (URISyntaxException e) {
      throw new SourceException(
          SourceReason.URL_INVALID, "OCI repository URL does not parse: " + e.getReason());
    }
    if (uri.getRawUserInfo() != null) {
      throw new SourceException(
          SourceReason.URL_INVALID, "OCI repository URL must not carry credentials");
    }
    if (!"oci".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new SourceException(
          SourceReason.URL_INVALID, "OCI repository URL '" + url + "' must be oci://host/path");
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new SourceException(
          SourceReason.URL_INVALID,
          "OCI repository URL '" + url + "' must not have a query or fragment");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
    if (!path.matches(NAME + "(?:/" + NAME + ")*")) {
      throw new SourceException(
          SourceReason.URL_INVALID,
          "OCI repository URL '"
              + url
              + "' must name a repository (lowercase path components, no tag or digest)");
    }
    String scheme = insecure ? "http" : "https";
    String authority = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    return new OciAddress(URI.create(scheme + "://" + authority + "/"), path);
  }

  URI api(String suffix) {
    return registry.resolve("/v2/" + repository + "/" + suffix);
  }

  /** {@code host:port/repository[:tag]} for messages. */
  String display(String tag) {
    return registry.getAuthority() + "/" + repository + (tag == null ? "" : ":" + tag);
  }
}

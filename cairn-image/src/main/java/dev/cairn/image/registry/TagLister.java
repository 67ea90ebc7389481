package dev.cairn.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.helm.HelmHttp;
import dev.cairn.source.helm.RegistryTokens;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads tag lists and manifest digests through the Distribution API: {@code GET
 * /v2/<name>/tags/list}, following {@code Link: <...>; rel="next"} pages on the same registry;
 * basic credentials, or the registry token flow when the registry answers with a Bearer challenge
 * (cairn-source's {@link RegistryTokens}); HTTPS with the request's TLS settings, plain HTTP only
 * when {@code insecure}. Messages never hold credentials.
 */
public final class TagLister {
  /** Page size asked for; registries may ignore it (docker-registry 2.8 does). */
  static final int PAGE_SIZE = 1000;

  private static final int MAX_PAGES = 1000;
  private static final long MAX_BYTES = 16L * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");
  private static final String MANIFEST_TYPES =
      "application/vnd.oci.image.index.v1+json, "
          + "application/vnd.docker.distribution.manifest.list.v2+json, "
          + "application/vnd.oci.image.manifest.v1+json, "
          + "application/vnd.docker.distribution.manifest.v2+json";

  /** Every tag of the repository, in the registry's order, without duplicates. */
  public List<String> list(TagListRequest request) throws SourceException {
    HelmHttp http = http(request);
    URI uri = api(request, "tags/list?n=" + PAGE_SIZE);
    Set<String> tags = new LinkedHashSet<>();
    for (int page = 0; uri != null; page++) {
      if (page == MAX_PAGES) {
        throw new SourceException(
            SourceReason.OCI_PULL_FAILED,
            "tag list of " + request.image() + " has more than " + MAX_PAGES + " pages");
      }
      HelmHttp.Response response = get(http, request, uri, Map.of(), "list tags");
      tags.addAll(tags(response.body(), request.image()));
      uri = next(uri, response.headers(), request.image());
    }
    return new ArrayList<>(tags);
  }

  /** The digest ({@code sha256:...}) of the manifest {@code tag} names. */
  public String digest(TagListRequest request, String tag) throws SourceException {
    HelmHttp http = http(request);
    HelmHttp.Response response =
        get(
            http,
            request,
            api(request, "manifests/" + tag),
            Map.of("Accept", MANIFEST_TYPES),
            "read the manifest of tag '" + tag + "'");
    for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase("Docker-Content-Digest")
          && !header.getValue().isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return "sha256:" + sha256(response.body());
  }

  private static HelmHttp http(TagListRequest request) throws SourceException {
    return new HelmHttp(
        origin(request), request.credentials(), false, request.tls(), request.timeout());
  }

  private static HelmHttp.Response get(
      HelmHttp http, TagListRequest request, URI uri, Map<String, String> headers, String what)
      throws SourceException {
    return RegistryTokens.get(
        http,
        request.image().canonical(),
        uri,
        headers,
        MAX_BYTES,
        SourceReason.OCI_PULL_FAILED,
        what + " of " + request.image());
  }

  static URI origin(TagListRequest request) {
    String host = request.image().registry();
    if (host.equals(ImageName.DOCKER_HUB)) {
      host = "registry-1.docker.io";
    }
    return URI.create((request.insecure() ? "http://" : "https://") + host);
  }

  private static URI api(TagListRequest request, String suffix) {
    return origin(request).resolve("/v2/" + request.image().repository() + "/" + suffix);
  }

  private static List<String> tags(byte[] body, ImageName image) throws SourceException {
    JsonNode tags;
    try {
      tags = JSON.readTree(body).path("tags");
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.OCI_PULL_FAILED, "tag list of " + image + " is not valid JSON");
    }
    List<String> out = new ArrayList<>();
    tags.forEach(t -> out.add(t.asText()));
    return out;
  }

  /** The next page named by a {@code Link} header, on the same registry, or null. */
  static URI next(URI current, Map<String, List<String>> headers, ImageName image)
      throws SourceException {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Link")) {
        continue;
      }
      for (String value : header.getValue()) {
        Matcher m = NEXT.matcher(value);
        if (m.find()) {
          URI next = current.resolve(m.group(1).strip());
          if (!next.getAuthority().equals(current.getAuthority())) {
            throw new SourceException(
                SourceReason.OCI_PULL_FAILED,
                "tag list of " + image + " links its next page to another host");
          }
          return next;
        }
      }
    }
    return null;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always provides SHA-256", e);
    }
  }
}

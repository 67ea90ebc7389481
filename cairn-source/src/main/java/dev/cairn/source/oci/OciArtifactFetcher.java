package dev.cairn.source.oci;

import dev.cairn.source.SemverSelector;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import dev.cairn.source.helm.HelmHttp;
import dev.cairn.source.helm.RegistryTokens;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Pulls one OCI artifact into the {@link ArtifactStore}: resolves the ref to a manifest (listing
 * tags for a semver range), reads the manifest, downloads the selected layer, checks it against its
 * digest and stores it ({@link LayerStorage}). Plain HTTP only when {@code insecure} is set; basic
 * credentials and the registry token flow as for OCI Helm charts.
 */
public final class OciArtifactFetcher {
  static final String MANIFEST_TYPES =
      "application/vnd.oci.image.manifest.v1+json, "
          + "application/vnd.docker.distribution.manifest.v2+json";
  private static final long MAX_METADATA_BYTES = 4L * 1024 * 1024;
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  private final ArtifactStore store;
  private final OciFetcherOptions options;

  public OciArtifactFetcher(ArtifactStore store, OciFetcherOptions options) {
    this.store = store;
    this.options = options;
  }

  public ArtifactStore store() {
    return store;
  }

  public OciArtifactResult fetch(SourceKey key, OciArtifactRequest request) throws SourceException {
    return fetch(key, request, revision -> false);
  }

  /**
   * Pulls the artifact; when {@code upToDate} accepts the resolved revision and the store's current
   * artifact of {@code key} has it, the layer is not downloaded again and that artifact is
   * returned.
   */
  public OciArtifactResult fetch(
      SourceKey key, OciArtifactRequest request, Predicate<String> upToDate)
      throws SourceException {
    OciAddress address = OciAddress.parse(request.url(), request.insecure());
    HelmHttp http =
        new HelmHttp(
            address.registry(), request.credentials(), false, request.tls(), request.timeout());
    String tag = resolveTag(http, address, request.ref());
    String reference = tag == null ? request.ref().digest().strip() : tag;
    String where = address.display(tag == null ? null : tag);
    byte[] body =
        get(http, address, "manifests/" + reference, Map.of("Accept", MANIFEST_TYPES), where)
            .body();
    String manifestDigest = "sha256:" + sha256Hex(body);
    if (tag == null && !manifestDigest.equals(reference)) {
      throw new SourceException(
          SourceReason.OCI_PULL_FAILED,
          "manifest of "
              + address.display(null)
              + "@"
              + reference
              + " has digest "
              + manifestDigest);
    }
    OciManifest manifest = OciManifest.parse(body, where);
    String revision = tag == null ? manifestDigest : tag + "@" + manifestDigest;
    Optional<StoredArtifact> current = store.current(key);
    if (upToDate.test(revision)
        && current.isPresent()
        && current.get().revision().equals(revision)
        && store.contains(current.get().path())) {
      return new OciArtifactResult(current.get(), revision, manifest.annotations());
    }
    OciManifest.Layer layer = manifest.select(request.layerMediaType(), where);
    byte[] blob = downloadLayer(http, address, layer, where);
    LayerStorage storage = new LayerStorage(store, options.extractLimits());
    StoredArtifact stored =
        request.copy()
            ? storage.copy(key, revision, blob, where)
            : storage.extract(key, revision, blob, request.ignore(), where);
    return new OciArtifactResult(stored, revision, manifest.annotations());
  }

  /** The tag to pull, or null for a digest ref. */
  private static String resolveTag(HelmHttp http, OciAddress address, OciRef ref)
      throws SourceException {
    if (ref.byDigest()) {
      if (!DIGEST.matcher(ref.digest().strip()).matches()) {
        throw new SourceException(
            SourceReason.INVALID_SPEC,
            "ref.digest '" + ref.digest() + "' is not sha256:<64 lowercase hex digits>");
      }
      return null;
    }
    if (!ref.bySemver()) {
      return ref.tagOrLatest();
    }
    Pattern filter = filter(ref.semverFilter());
    String where = address.display(null);
    Object document =
        OciManifest.json(
            get(http, address, "tags/list", Map.of(), where).body(), "tag list of " + where);
    List<String> tags =
        document instanceof Map<?, ?> map && map.get("tags") instanceof List<?> list
            ? list.stream().map(String::valueOf).filter(t -> filter.matcher(t).find()).toList()
            : List.of();
    return SemverSelector.highest(tags, ref.semver())
        .orElseThrow(
            () ->
                new SourceException(
                    SourceReason.OCI_PULL_FAILED,
                    "no tag of "
                        + where
                        + " matches semver '"
                        + ref.semver()
                        + "'"
                        + (ref.semverFilter() == null
                            ? ""
                            : " and filter '" + ref.semverFilter() + "'")
                        + " ("
                        + tags.size()
                        + " candidate tags)"));
  }

  private static Pattern filter(String semverFilter) throws SourceException {
    if (semverFilter == null || semverFilter.isBlank()) {
      return Pattern.compile("");
    }
    try {
      return Pattern.compile(semverFilter);
    } catch (PatternSyntaxException e) {
      throw new SourceException(
          SourceReason.INVALID_SPEC,
          "ref.semverFilter '" + semverFilter + "' is not a regular expression");
    }
  }

  private byte[] downloadLayer(
      HelmHttp http, OciAddress address, OciManifest.Layer layer, String where)
      throws SourceException {
    if (layer.size() > options.maxLayerBytes()) {
      throw new SourceException(
          SourceReason.OCI_LAYER_FAILED,
          "layer "
              + layer.digest()
              + " of "
              + where
              + " has "
              + layer.size()
              + " bytes, more than the limit of "
              + options.maxLayerBytes());
    }
    byte[] blob =
        RegistryTokens.get(
                http,
                address.display(null),
                address.api("blobs/" + layer.digest()),
                Map.of(),
                options.maxLayerBytes(),
                SourceReason.OCI_PULL_FAILED,
                "download layer " + layer.digest() + " of " + where)
            .body();
    String actual = "sha256:" + sha256Hex(blob);
    if (!actual.equals(layer.digest())) {
      throw new SourceException(
          SourceReason.OCI_PULL_FAILED,
          "layer of "
              + where
              + " has digest "
              + actual
              + " but "
              + layer.digest()
              + " was expected");
    }
    return blob;
  }

  private static HelmHttp.Response get(
      HelmHttp http, OciAddress address, String suffix, Map<String, String> headers, String where)
      throws SourceException {
    String what = suffix.startsWith("tags/") ? "list tags" : "read manifest";
    return RegistryTokens.get(
        http,
        address.display(null),
        address.api(suffix),
        headers,
        MAX_METADATA_BYTES,
        SourceReason.OCI_PULL_FAILED,
        what + " of " + where);
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always provides SHA-256", e);
    }
  }
}

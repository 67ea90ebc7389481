package dev.cairn.source.oci;

/**
 * Which artifact of a repository to pull. Precedence as in Flux: digest, then semver (with the
 * optional {@code semverFilter} regular expression on tags), then tag; {@code latest} when all are
 * empty.
 */
public record OciRef(String tag, String semver, String semverFilter, String digest) {
  public static final String DEFAULT_TAG = "latest";

  public static OciRef defaults() {
    return new OciRef(null, null, null, null);
  }

  public static OciRef tag(String tag) {
    return new OciRef(tag, null, null, null);
  }

  public static OciRef semver(String range, String filter) {
    return new OciRef(null, range, filter, null);
  }

  public static OciRef digest(String digest) {
    return new OciRef(null, null, null, digest);
  }

  boolean byDigest() {
    return present(digest);
  }

  boolean bySemver() {
    return !byDigest() && present(semver);
  }

  /** The tag to pull when neither digest nor semver is set. */
  String tagOrLatest() {
    return present(tag) ? tag.strip() : DEFAULT_TAG;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}

package dev.cairn.source.artifact;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which source an artifact belongs to: kind (lower case, e.g. {@code gitrepository}), namespace and
 * name. Each part becomes one directory level in the store, so each must be a DNS-style name.
 */
public record SourceKey(String kind, String namespace, String name) {
  private static final Pattern SEGMENT = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  public SourceKey {
    check("kind", kind);
    check("namespace", namespace);
    check("name", name);
  }

  private static void check(String what, String value) {
    Objects.requireNonNull(value, what);
    if (!SEGMENT.matcher(value).matches() || value.contains("..")) {
      throw new IllegalArgumentException(
          what + " '" + value + "' is not a lower-case DNS name usable as a directory");
    }
  }

  /** The directory of this source relative to the store root. */
  public String relativeDirectory() {
    return kind + "/" + namespace + "/" + name;
  }

  @Override
  public String toString() {
    return relativeDirectory();
  }
}

package dev.cairn.source.artifact;

/** Checks on paths inside archives: relative, forward slashes, no {@code .} or {@code ..}. */
final class EntryPaths {
  private EntryPaths() {}

  /**
   * Returns the path without leading {@code ./} and trailing slashes, or throws when it is
   * absolute, contains a backslash, a NUL, an empty segment, {@code .} or {@code ..}.
   */
  static String requireRelative(String path) {
    String unsafe = whyUnsafe(path);
    if (unsafe != null) {
      throw new IllegalArgumentException("archive path '" + path + "' " + unsafe);
    }
    return strip(path);
  }

  /** Null when the path is safe, otherwise why it is not. */
  static String whyUnsafe(String path) {
    if (path == null) {
      return "is missing";
    }
    if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
      return "is absolute";
    }
    if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
      return "contains a backslash or NUL";
    }
    String stripped = strip(path);
    if (stripped.isEmpty()) {
      return null;
    }
    for (String segment : stripped.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return "contains an empty, '.' or '..' segment";
      }
    }
    return null;
  }

  private static String strip(String path) {
    String out = path;
    while (out.startsWith("./")) {
      out = out.substring(2);
    }
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out.equals(".") ? "" : out;
  }
}

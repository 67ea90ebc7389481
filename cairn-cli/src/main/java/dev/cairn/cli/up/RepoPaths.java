package dev.cairn.cli.up;

/**
 * Paths inside a fleet repository as users write them ({@code ./clusters/x}, {@code clusters/x/}).
 */
final class RepoPaths {

  private RepoPaths() {}

  /**
   * {@code path} without a leading {@code ./} or {@code /} and trailing slashes; "" for the root.
   */
  static String relative(String path) {
    String p = path == null ? "" : path.strip();
    while (p.startsWith("./") || p.startsWith("/")) {
      p = p.substring(p.indexOf('/') + 1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.equals(".") ? "" : p;
  }
}

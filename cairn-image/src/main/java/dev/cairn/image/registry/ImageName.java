package dev.cairn.image.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image name without tag, as Docker and Flux read it: the first path segment is the registry
 * when it holds a dot or a colon or is {@code localhost}; otherwise the registry is Docker Hub,
 * whose canonical host is {@code index.docker.io} and whose one-segment names live under {@code
 * library/}.
 *
 * @param registry the registry host ({@code host[:port]})
 * @param repository the repository path inside the registry
 */
public record ImageName(String registry, String repository) {
  public static final String DOCKER_HUB = "index.docker.io";
  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");

  /**
   * Parses {@code image}.
   *
   * @throws IllegalArgumentException naming the image when it is not a valid name, or has a tag or
   *     digest
   */
  public static ImageName parse(String image) {
    String text = image == null ? "" : image.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("image name is empty");
    }
    if (text.contains("@") || text.contains("://")) {
      throw new IllegalArgumentException(
          "image '" + text + "' must be a name without scheme, tag or digest");
    }
    int slash = text.indexOf('/');
    String first = slash < 0 ? "" : text.substring(0, slash);
    String registry;
    String path;
    if (slash > 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
      registry = first.toLowerCase(Locale.ROOT);
      path = text.substring(slash + 1);
    } else {
      registry = DOCKER_HUB;
      path = text;
    }
    if (registry.equals("docker.io") || registry.equals("registry-1.docker.io")) {
      registry = DOCKER_HUB;
    }
    if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
      path = "library/" + path;
    }
    int colon = path.lastIndexOf(':');
    if (colon >= 0) {
      throw new IllegalArgumentException(
          "image '"
              + text
              + "' must be a name without tag (found ':"
              + path.substring(colon + 1)
              + "')");
    }
    for (String component : path.split("/", -1)) {
      if (!COMPONENT.matcher(component).matches()) {
        throw new IllegalArgumentException(
            "image '" + text + "' is not a valid image name (path component '" + component + "')");
      }
    }
    return new ImageName(registry, path);
  }

  /** {@code registry/repository}, as Flux's {@code status.canonicalImageName}. */
  public String canonical() {
    return registry + "/" + repository;
  }

  @Override
  public String toString() {
    return canonical();
  }
}

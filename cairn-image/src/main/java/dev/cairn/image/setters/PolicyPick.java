package dev.cairn.image.setters;

/**
 * What one ImagePolicy picked, by its marker name {@code namespace:name}.
 *
 * @param image the image name (ImageRepository's {@code spec.image})
 * @param tag the tag
 * @param digest the digest, or null when not reflected
 */
public record PolicyPick(String image, String tag, String digest) {
  /** {@code image:tag}, with {@code @digest} when reflected. */
  public String reference() {
    return image + ":" + tag + (digest == null || digest.isEmpty() ? "" : "@" + digest);
  }
}

package dev.cairn.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One image reference a policy picked.
 *
 * @param name the image name (canonical, without tag)
 * @param tag the tag
 * @param digest the manifest digest, when reflected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageRef(String name, String tag, String digest) {
  /** {@code name:tag}, with {@code @digest} when known. */
  public String reference() {
    return name + ":" + tag + (digest == null || digest.isEmpty() ? "" : "@" + digest);
  }
}

package dev.cairn.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/**
 * The output of a source: a tarball in the artifact store, as in Flux's {@code status.artifact}.
 *
 * @param path path of the artifact relative to the store root
 * @param url where consumers download it
 * @param revision the source revision, e.g. {@code main@sha1:<hash>} or a chart version
 * @param digest {@code <algorithm>:<hex>} of the tarball
 * @param lastUpdateTime RFC 3339 time the artifact was written
 * @param size size of the tarball in bytes
 * @param metadata free-form metadata (OCI annotations, chart metadata)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Artifact(
    @Required String path,
    @Required String url,
    @Required String revision,
    @Required @Pattern(DIGEST_PATTERN) String digest,
    @Required String lastUpdateTime,
    Long size,
    Map<String, String> metadata) {

  public static final String DIGEST_PATTERN = "^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$";

  /** True when both name the same content (same digest) at the same revision. */
  public boolean sameContentAs(Artifact other) {
    return other != null && revision.equals(other.revision) && digest.equals(other.digest);
  }
}

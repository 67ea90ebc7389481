package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which artifact of an OCI repository to pull. Precedence as in Flux: digest, semver, tag; {@code
 * latest} when all are absent.
 *
 * @param digest an image digest, e.g. {@code sha256:...}
 * @param semver a semantic-version range matched against tags
 * @param semverFilter a regular expression tags must match before semver ordering
 * @param tag a tag
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OciRepositoryRef(String digest, String semver, String semverFilter, String tag) {}

package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which Git revision to check out. Precedence as in Flux: commit, name, semver, tag, branch.
 *
 * @param branch a branch name, e.g. {@code main}
 * @param tag a tag name
 * @param semver a semantic-version range matched against tags
 * @param name a full reference name, e.g. {@code refs/pull/42/head}
 * @param commit a commit SHA, alone or with a branch to shallow-clone
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GitRepositoryRef(
    String branch, String tag, String semver, String name, String commit) {}

package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What to verify with OpenPGP: the HEAD commit, the tag, or both. */
public enum GitVerificationMode {
  /** Deprecated lower-case spelling of {@link #HEAD} that Flux still accepts. */
  @JsonProperty("head")
  HEAD_LOWER_CASE,
  @JsonProperty("HEAD")
  HEAD,
  @JsonProperty("Tag")
  TAG,
  @JsonProperty("TagAndHEAD")
  TAG_AND_HEAD
}

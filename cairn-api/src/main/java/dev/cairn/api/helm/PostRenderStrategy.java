package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether post-renderers see hooks: not at all, together with manifests, or separately. */
public enum PostRenderStrategy {
  @JsonProperty("nohooks")
  NO_HOOKS,
  @JsonProperty("combined")
  COMBINED,
  @JsonProperty("separate")
  SEPARATE
}

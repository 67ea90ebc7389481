package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kubernetes deletion propagation used on uninstall. */
public enum DeletionPropagation {
  @JsonProperty("background")
  BACKGROUND,
  @JsonProperty("foreground")
  FOREGROUND,
  @JsonProperty("orphan")
  ORPHAN
}

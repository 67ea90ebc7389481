package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A classic HTTP chart repository (index.yaml) or an OCI registry. */
public enum HelmRepositoryType {
  @JsonProperty("default")
  DEFAULT,
  @JsonProperty("oci")
  OCI
}

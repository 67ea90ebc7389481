package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a GitRepository authenticates when no secret is given: generic or a cloud identity. */
public enum GitProvider {
  @JsonProperty("generic")
  GENERIC,
  @JsonProperty("aws")
  AWS,
  @JsonProperty("azure")
  AZURE,
  @JsonProperty("github")
  GITHUB
}

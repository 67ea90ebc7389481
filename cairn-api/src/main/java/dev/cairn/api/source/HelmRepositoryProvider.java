package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Credential provider of an OCI HelmRepository: generic (secret) or a cloud identity. */
public enum HelmRepositoryProvider {
  @JsonProperty("generic")
  GENERIC,
  @JsonProperty("aws")
  AWS,
  @JsonProperty("azure")
  AZURE,
  @JsonProperty("gcp")
  GCP
}

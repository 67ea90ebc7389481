package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Credential provider for OCI registries (OCIRepository, OCI HelmRepository): generic or cloud. */
public enum OciProvider {
  @JsonProperty("generic")
  GENERIC,
  @JsonProperty("aws")
  AWS,
  @JsonProperty("azure")
  AZURE,
  @JsonProperty("gcp")
  GCP
}

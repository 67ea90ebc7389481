package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Signature format checked on OCI charts. */
public enum OciVerificationProvider {
  @JsonProperty("cosign")
  COSIGN,
  @JsonProperty("notation")
  NOTATION
}

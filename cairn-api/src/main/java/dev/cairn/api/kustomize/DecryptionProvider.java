package dev.cairn.api.kustomize;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How encrypted manifests are decrypted; Flux knows SOPS only. */
public enum DecryptionProvider {
  @JsonProperty("sops")
  SOPS
}

package dev.cairn.api.kustomize;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kustomize build metadata to keep on objects as annotations. */
public enum BuildMetadataOption {
  @JsonProperty("originAnnotations")
  ORIGIN_ANNOTATIONS,
  @JsonProperty("transformerAnnotations")
  TRANSFORMER_ANNOTATIONS
}

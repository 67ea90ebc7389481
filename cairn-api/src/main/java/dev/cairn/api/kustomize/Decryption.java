package dev.cairn.api.kustomize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.LocalObjectReference;
import io.fabric8.generator.annotation.Required;

/** Decryption of SOPS-encrypted manifests with the keys in {@code secretRef}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Decryption(
    @Required DecryptionProvider provider,
    String serviceAccountName,
    LocalObjectReference secretRef) {}

package dev.cairn.api.sealed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * {@code encryptedData}: each value sealed on its own (base64); {@code template}: what the Secret
 * gets besides its data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SealedSecretSpec(Map<String, String> encryptedData, SecretTemplate template) {}

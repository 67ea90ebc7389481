package dev.cairn.api.sealed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.Map;

/**
 * The Secret's metadata (labels, annotations...), type and immutability; {@code data} holds
 * templates, which Cairn does not render yet.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SecretTemplate(
    @PreserveUnknownFields JsonNode metadata,
    String type,
    Boolean immutable,
    Map<String, String> data) {}

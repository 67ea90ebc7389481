package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * Values from a key of a ConfigMap or Secret ({@code values.yaml} by default), merged in order
 * before the inline {@code values}; with {@code targetPath} the value lands at that path.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValuesReference(
    @Required ValuesReferenceKind kind,
    @Required @Size(min = 1, max = 253) String name,
    @Size(max = 253) @Pattern("^[\\-._a-zA-Z0-9]+$") String valuesKey,
    @Size(max = 250) @Pattern("^([a-zA-Z0-9_\\-.\\\\\\/]|\\[[0-9]{1,5}\\])+$") String targetPath,
    Boolean optional,
    Boolean literal) {}

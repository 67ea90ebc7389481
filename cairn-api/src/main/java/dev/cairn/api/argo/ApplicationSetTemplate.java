package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

/**
 * The Application each parameter set renders: {@code metadata} (name, namespace, labels,
 * annotations, finalizers) and the Application's {@code spec}, kept as written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSetTemplate(
    ApplicationSetTemplateMeta metadata, @PreserveUnknownFields JsonNode spec) {}

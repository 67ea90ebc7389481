package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.List;

/** Helm options of a source, as Argo CD's {@code spec.source.helm}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSourceHelm(
    List<String> valueFiles,
    List<HelmParameter> parameters,
    String releaseName,
    String values,
    List<HelmFileParameter> fileParameters,
    String version,
    Boolean passCredentials,
    Boolean ignoreMissingValueFiles,
    Boolean skipCrds,
    @PreserveUnknownFields JsonNode valuesObject,
    String namespace,
    String kubeVersion,
    List<String> apiVersions,
    Boolean skipTests,
    Boolean skipSchemaValidation) {}

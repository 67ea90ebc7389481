package dev.cairn.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Selects objects by group/version/kind, name, namespace, and label or annotation selector. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Selector(
    String group,
    String version,
    String kind,
    String name,
    String namespace,
    String labelSelector,
    String annotationSelector) {}

package dev.cairn.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/**
 * An object of the same kind that must be ready first ({@code dependsOn}); an absent namespace
 * means the referring object's. {@code readyExpr} is an optional CEL expression over the
 * dependency.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DependencyReference(@Required String name, String namespace, String readyExpr) {}

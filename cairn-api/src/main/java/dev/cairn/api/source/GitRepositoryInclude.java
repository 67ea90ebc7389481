package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.LocalObjectReference;
import io.fabric8.generator.annotation.Required;

/** Copies {@code fromPath} of another GitRepository's artifact to {@code toPath} of this one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GitRepositoryInclude(
    @Required LocalObjectReference repository, String fromPath, String toPath) {}

package dev.cairn.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/**
 * CEL expressions that say when objects of one apiVersion/kind are current, in progress or failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomHealthCheck(
    @Required String apiVersion,
    String kind,
    @Required String current,
    String inProgress,
    String failed) {}

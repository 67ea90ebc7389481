package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One object of an Application in {@code status.resources}, as Argo CD lists it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppResourceStatus(
    String group,
    String version,
    String kind,
    String namespace,
    String name,
    String status,
    AppHealthStatus health,
    Boolean hook,
    Boolean requiresPruning,
    Long syncWave) {}

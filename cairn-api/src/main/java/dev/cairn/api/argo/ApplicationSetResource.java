package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One generated Application in the set's status, as Argo CD's {@code ResourceStatus}: {@code
 * status} is its sync status, {@code health} its health.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSetResource(
    String group,
    String version,
    String kind,
    String namespace,
    String name,
    String status,
    ApplicationSetResourceHealth health) {}

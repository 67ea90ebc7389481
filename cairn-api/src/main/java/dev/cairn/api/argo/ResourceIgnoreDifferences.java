package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Fields whose differences do not make the objects it selects OutOfSync. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResourceIgnoreDifferences(
    String group,
    String kind,
    String name,
    String namespace,
    List<String> jsonPointers,
    List<String> jqPathExpressions,
    List<String> managedFieldsManagers) {}

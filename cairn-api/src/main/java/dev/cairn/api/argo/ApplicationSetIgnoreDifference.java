package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Fields of generated Applications (all, or the one named) the set does not put back when someone
 * changes them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSetIgnoreDifference(
    String name, List<String> jsonPointers, List<String> jqPathExpressions) {}

package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;

/**
 * One RollingSync step: the Applications whose labels match every expression, at most {@code
 * maxUpdate} (a number or a percentage) syncing at once.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSetRolloutStep(
    List<ApplicationSetMatchExpression> matchExpressions, IntOrString maxUpdate) {}

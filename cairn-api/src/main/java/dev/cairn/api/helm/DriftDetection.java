package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.IgnoreRule;
import java.util.List;

/** Drift detection of the released objects against the cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DriftDetection(DriftDetectionMode mode, List<IgnoreRule> ignore) {}

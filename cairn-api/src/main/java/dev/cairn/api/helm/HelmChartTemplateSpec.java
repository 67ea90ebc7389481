package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.source.OciRepositoryVerification;
import dev.cairn.api.source.ReconcileStrategy;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The HelmChart a HelmRelease creates for itself; fields as in Flux's template spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HelmChartTemplateSpec(
    @Required @Size(min = 1, max = 2048) String chart,
    @Default("\"*\"") String version,
    @Required HelmChartTemplateSourceReference sourceRef,
    @Pattern(FluxDuration.PATTERN) String interval,
    @Default("ChartVersion") ReconcileStrategy reconcileStrategy,
    List<String> valuesFiles,
    Boolean ignoreMissingValuesFiles,
    OciRepositoryVerification verify) {}

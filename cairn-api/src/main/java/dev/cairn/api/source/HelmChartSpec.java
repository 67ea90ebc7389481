package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * A chart to fetch or package from a source; fields as in Flux's {@code HelmChartSpec}.
 *
 * @param chart chart name in a HelmRepository, or path in a Git/Bucket source
 * @param version semver range of the chart version ({@code *} by default)
 * @param sourceRef where the chart comes from
 * @param interval how often to check for a new chart version or source revision
 * @param reconcileStrategy when to rebuild a chart from a Git/Bucket source
 * @param valuesFiles values files merged, in order, into the chart's default values
 * @param ignoreMissingValuesFiles skip values files that do not exist instead of failing
 * @param suspend stop reconciling when true
 * @param verify signature verification for OCI charts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HelmChartSpec(
    @Required String chart,
    @Default("\"*\"") String version,
    @Required LocalHelmChartSourceReference sourceRef,
    @Required @Pattern(FluxDuration.PATTERN) String interval,
    @Default("ChartVersion") ReconcileStrategy reconcileStrategy,
    List<String> valuesFiles,
    Boolean ignoreMissingValuesFiles,
    Boolean suspend,
    OciRepositoryVerification verify) {}

package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import io.fabric8.generator.annotation.Pattern;

/** Options of {@code helm upgrade}, as in Flux's {@code spec.upgrade}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Upgrade(
    @Pattern(FluxDuration.PATTERN) String timeout,
    ActionStrategy strategy,
    UpgradeRemediation remediation,
    Boolean disableWait,
    Boolean disableWaitForJobs,
    Boolean disableHooks,
    Boolean disableOpenAPIValidation,
    Boolean disableSchemaValidation,
    Boolean force,
    Boolean preserveValues,
    Boolean cleanupOnFail,
    CrdsPolicy crds,
    Boolean disableTakeOwnership,
    ServerSideApplyMode serverSideApply,
    ChartNameChangeStrategy chartNameChangeStrategy) {}

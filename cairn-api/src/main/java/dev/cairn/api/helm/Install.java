package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import io.fabric8.generator.annotation.Pattern;

/** Options of {@code helm install}, as in Flux's {@code spec.install}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Install(
    @Pattern(FluxDuration.PATTERN) String timeout,
    ActionStrategy strategy,
    InstallRemediation remediation,
    Boolean disableWait,
    Boolean disableWaitForJobs,
    Boolean disableHooks,
    Boolean disableOpenAPIValidation,
    Boolean disableSchemaValidation,
    Boolean replace,
    Boolean skipCRDs,
    CrdsPolicy crds,
    Boolean createNamespace,
    Boolean disableTakeOwnership,
    Boolean serverSideApply) {}

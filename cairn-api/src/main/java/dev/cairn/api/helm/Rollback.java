package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import io.fabric8.generator.annotation.Pattern;

/** Options of {@code helm rollback} used for upgrade remediation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rollback(
    @Pattern(FluxDuration.PATTERN) String timeout,
    Boolean disableWait,
    Boolean disableWaitForJobs,
    Boolean disableHooks,
    Boolean recreate,
    Boolean force,
    Boolean cleanupOnFail,
    ServerSideApplyMode serverSideApply) {}

package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What to do after a failed upgrade: retries, test handling, rollback or uninstall. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpgradeRemediation(
    Integer retries,
    Boolean ignoreTestFailures,
    Boolean remediateLastFailure,
    RemediationStrategy strategy) {}

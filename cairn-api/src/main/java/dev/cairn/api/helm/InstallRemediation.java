package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What to do after a failed install: retry count (negative: forever) and test handling. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstallRemediation(
    Integer retries, Boolean ignoreTestFailures, Boolean remediateLastFailure) {}

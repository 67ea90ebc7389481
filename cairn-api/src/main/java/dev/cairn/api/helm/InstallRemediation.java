package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What to do after a failed install: retry count (negative: forever) and test handling. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstallRemediation(
    Integer retries, Boolean ignoreTestFailures, Boolean remediateLastFailure) {}

package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One deployment in {@code status.history}: what was synced, when, with which id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RevisionHistory(
    Long id,
    String revision,
    List<String> revisions,
    String deployedAt,
    String deployStartedAt,
    ApplicationSource source,
    List<ApplicationSource> sources,
    OperationInitiator initiatedBy) {}

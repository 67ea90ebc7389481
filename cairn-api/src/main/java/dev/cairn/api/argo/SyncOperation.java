package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A sync as requested: revision, prune, dry run, the resources to sync, options; {@code
 * operation.sync} in Argo CD.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncOperation(
    String revision,
    List<String> revisions,
    Boolean prune,
    Boolean dryRun,
    List<SyncOperationResource> resources,
    List<String> syncOptions,
    OperationInitiator initiatedBy) {}

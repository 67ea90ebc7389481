package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a sync did to one object (status Synced, SyncFailed, Pruned, PruneSkipped), with its hook
 * and phase.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResourceResult(
    String group,
    String version,
    String kind,
    String namespace,
    String name,
    String status,
    String message,
    String hookType,
    String hookPhase,
    String syncPhase) {}

package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A requested operation ({@code operation} of an Application, what {@code argocd app sync} writes):
 * a sync, who asked, and its retry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppOperation(SyncOperation sync, OperationInitiator initiatedBy, SyncRetry retry) {}

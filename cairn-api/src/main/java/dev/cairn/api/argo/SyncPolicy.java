package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** When and how an Application syncs, as Argo CD's {@code spec.syncPolicy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncPolicy(
    SyncPolicyAutomated automated,
    List<String> syncOptions,
    SyncRetry retry,
    ManagedNamespaceMetadata managedNamespaceMetadata) {}

package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the Applications of a project may deploy, from where, to where and when; Argo CD's {@code
 * AppProjectSpec}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppProjectSpec(
    List<String> sourceRepos,
    List<ApplicationDestination> destinations,
    String description,
    List<ProjectRole> roles,
    List<ResourceGroupKind> clusterResourceWhitelist,
    List<ResourceGroupKind> clusterResourceBlacklist,
    List<ResourceGroupKind> namespaceResourceWhitelist,
    List<ResourceGroupKind> namespaceResourceBlacklist,
    OrphanedResourcesMonitorSettings orphanedResources,
    List<SyncWindow> syncWindows,
    List<SignatureKey> signatureKeys,
    List<String> sourceNamespaces,
    Boolean permitOnlyProjectScopedClusters,
    List<DestinationServiceAccount> destinationServiceAccounts) {}

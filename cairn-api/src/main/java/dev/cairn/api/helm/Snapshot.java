package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/**
 * One Helm release revision as recorded in {@code status.history}, newest first (Flux's {@code
 * Snapshot}). Times are RFC 3339 strings.
 *
 * @param apiVersion version of this snapshot's format
 * @param digest checksum of the release object
 * @param version Helm release revision number
 * @param status Helm release status (deployed, failed, superseded, ...)
 * @param chartName chart name
 * @param chartVersion chart version
 * @param appVersion chart appVersion
 * @param configDigest checksum of the values
 * @param firstDeployed when the revision was first deployed
 * @param lastDeployed when the revision was last deployed
 * @param deleted when the revision was uninstalled
 * @param testHooks test hooks by name
 * @param ociDigest digest of the OCI chart artifact
 * @param action what produced the revision (install, upgrade, rollback)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Snapshot(
    String apiVersion,
    @Required String digest,
    @Required String name,
    @Required String namespace,
    @Required Integer version,
    @Required String status,
    @Required String chartName,
    @Required String chartVersion,
    String appVersion,
    @Required String configDigest,
    @Required String firstDeployed,
    @Required String lastDeployed,
    String deleted,
    Map<String, TestHookStatus> testHooks,
    String ociDigest,
    String action) {}

package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;

/**
 * What the set may do to the Applications it generated: {@code applicationsSync} one of {@code
 * create-only}, {@code create-update}, {@code create-delete}, {@code sync} (the default); {@code
 * preserveResourcesOnDeletion} keeps the Applications' resources when the set deletes them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSetSyncPolicy(
    Boolean preserveResourcesOnDeletion,
    @Pattern("^(create-only|create-update|create-delete|sync)$") String applicationsSync) {}

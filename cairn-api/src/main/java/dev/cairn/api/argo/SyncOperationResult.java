package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What a sync did to each object, and the revision(s) it synced. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncOperationResult(
    List<ResourceResult> resources,
    String revision,
    List<String> revisions,
    ApplicationSource source,
    List<ApplicationSource> sources) {}

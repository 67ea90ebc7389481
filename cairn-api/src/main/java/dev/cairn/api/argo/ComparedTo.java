package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What the live state was compared to: the sources and destination of the spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComparedTo(
    ApplicationSource source,
    List<ApplicationSource> sources,
    ApplicationDestination destination,
    List<ResourceIgnoreDifferences> ignoreDifferences) {}

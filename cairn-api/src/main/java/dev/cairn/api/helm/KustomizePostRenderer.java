package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.Image;
import dev.cairn.api.Patch;
import java.util.List;

/** Kustomize patches and image overrides applied to Helm's rendered manifests. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KustomizePostRenderer(List<Patch> patches, List<Image> images) {}

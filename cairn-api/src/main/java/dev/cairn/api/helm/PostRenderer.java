package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One post-renderer, run in list order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostRenderer(KustomizePostRenderer kustomize) {}

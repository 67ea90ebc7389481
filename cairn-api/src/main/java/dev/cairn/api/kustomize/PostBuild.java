package dev.cairn.api.kustomize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Variable substitution ({@code ${VAR}}, {@code ${VAR:=default}}) on the built manifests: inline
 * {@code substitute} values win over those from {@code substituteFrom}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostBuild(
    SubstituteStrategy substituteStrategy,
    Map<String, String> substitute,
    List<SubstituteReference> substituteFrom) {}

package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Options of a plain directory of manifests (and Jsonnet, which Cairn refuses). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSourceDirectory(
    Boolean recurse, ApplicationSourceJsonnet jsonnet, String exclude, String include) {}

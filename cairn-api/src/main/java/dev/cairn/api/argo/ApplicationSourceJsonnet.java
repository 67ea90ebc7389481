package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Jsonnet options of a directory (refused: Cairn has no Jsonnet engine). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSourceJsonnet(
    List<JsonnetVar> extVars, List<JsonnetVar> tlas, List<String> libs) {}

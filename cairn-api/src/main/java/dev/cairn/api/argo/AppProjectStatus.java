package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.ReconcileStatus;

/** Observed state of an AppProject: Cairn's conditions (Ready when its spec is usable). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AppProjectStatus extends ReconcileStatus {}

package dev.cairn.api.sealed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.ReconcileStatus;

/**
 * {@code observedGeneration} and the conditions, {@code Synced} among them as upstream writes it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class SealedSecretStatus extends ReconcileStatus {}

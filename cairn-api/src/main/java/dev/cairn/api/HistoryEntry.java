package dev.cairn.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/**
 * One distinct reconciled state in {@code status.history}, as Flux records it: reconciliations of
 * the same digest are counted in one entry.
 *
 * @param digest digest of the applied set
 * @param firstReconciled RFC 3339 time this digest was first reconciled
 * @param lastReconciled RFC 3339 time this digest was last reconciled
 * @param lastReconciledDuration duration of the last reconciliation, e.g. {@code 1.2s}
 * @param lastReconciledStatus outcome of the last reconciliation (a condition reason)
 * @param totalReconciliations how many reconciliations produced this digest
 * @param metadata e.g. the source revision
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HistoryEntry(
    @Required String digest,
    @Required String firstReconciled,
    @Required String lastReconciled,
    @Required String lastReconciledDuration,
    @Required String lastReconciledStatus,
    @Required Long totalReconciliations,
    Map<String, String> metadata) {}

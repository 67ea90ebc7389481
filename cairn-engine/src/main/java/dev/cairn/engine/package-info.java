/**
 * The reconciliation skeleton shared by every kind: {@code Run} (per-run state), named {@code
 * Step}s run by the {@code StepRunner}, the sealed {@code ReconcileException} (Stalled, Waiting,
 * Failed), the one {@code StatusSummarizer} that writes Ready/Reconciling/Stalled, {@code
 * ReconcileResult}, events, status writing and dependency ordering.
 *
 * <p>No operator-framework types: the controller module adapts these reconcilers. No per-run state
 * in fields of long-lived objects.
 */
package dev.cairn.engine;

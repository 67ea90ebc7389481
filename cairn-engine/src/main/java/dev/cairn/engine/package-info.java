/**
 * The reconcile skeleton shared by every kind: {@code StepReconciler} runs a kind's {@code
 * KindDefinition} — {@code Run} (per-run state), named {@code Step}s run by the {@code StepRunner},
 * the sealed {@code ReconcileException} (Stalled, Waiting, Failed), the one {@code
 * StatusSummarizer} that writes Ready/Reconciling/Stalled, the typed {@code Outcome} in {@code
 * ReconcileResult}, the finalizer ({@code Finalizers}), the single status write ({@code
 * StatusWriter}), events and dependency ordering. Shared steps: {@code AwaitArtifactStep}.
 *
 * <p>No operator-framework types: the controller module adapts these reconcilers. No per-run state
 * in fields of long-lived objects.
 */
package dev.cairn.engine;

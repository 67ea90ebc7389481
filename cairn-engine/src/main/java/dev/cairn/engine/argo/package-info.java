/**
 * Argo CD's kinds on the engine's step skeleton: {@link dev.cairn.engine.argo.ApplicationKind}
 * (project rules, Git sources through the Git fetcher, rendering with cairn-render's Argo CD
 * renderer, sync waves and hooks planned by {@link dev.cairn.engine.argo.SyncPlan}, applied with
 * the apply engine, prune, health, status in Argo CD's shape) and {@link
 * dev.cairn.engine.argo.AppProjectKind}.
 *
 * <p>Planning (waves, phases, hooks, project rules, health mapping) is pure code; only the steps
 * talk to the cluster and the Git fetcher.
 */
package dev.cairn.engine.argo;

/**
 * {@code cairn up}: the local Git repository it serves, the bootstrap objects it creates (like
 * {@code flux bootstrap}), the rule that decides when a first reconciliation is complete, and the
 * live terminal view. The reconcilers themselves are cairn-controller's {@code CairnRuntime}.
 */
package dev.cairn.cli.up;

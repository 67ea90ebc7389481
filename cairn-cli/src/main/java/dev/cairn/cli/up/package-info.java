/**
 * {@code cairn up}: the local Git repositories it serves and the URLs they stand in for ({@code
 * --repo}, {@code --fleet} remotes, {@code --git-alias}), the bootstrap objects it creates (like
 * {@code flux bootstrap}, or a fleet's own {@code flux bootstrap} layout), the rule that decides
 * when a first reconciliation is complete, the live terminal view and the stop signals. The
 * reconcilers themselves are cairn-controller's {@code CairnRuntime}.
 */
package dev.cairn.cli.up;

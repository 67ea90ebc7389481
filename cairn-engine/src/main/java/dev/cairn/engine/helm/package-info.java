/**
 * The HelmRelease kind ({@code HelmReleaseKind}, on the engine's skeleton) and its steps: Flux's
 * helm-controller semantics, rendered with Helm's own template engine (cairn-render) and applied
 * with Cairn's apply engine (cairn-apply), with Helm-compatible release records in Secrets so
 * {@code helm list} and {@code helm history} see the releases.
 *
 * <p>No Java Operator SDK types here, and no other kind's steps: the HelmChart a release needs is
 * created and read through the API, never reconciled from this package.
 */
package dev.cairn.engine.helm;

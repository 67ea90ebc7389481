/**
 * Bitnami's {@code bitnami.com/v1alpha1} SealedSecret, unchanged on disk, so manifests sealed with
 * {@code kubeseal} or {@code cairn seal} apply as they are. Only the resource classes live here;
 * the crypto is {@code cairn-secrets}' and the reconciler the engine's.
 */
package dev.cairn.api.sealed;

/**
 * Where a kind's objects go and as whom: {@link dev.cairn.engine.cluster.ClusterTarget} and {@link
 * dev.cairn.engine.cluster.ClusterTargets} (home cluster, impersonated service account, remote
 * kubeconfig). Knows no kind; kinds hand it their namespace, {@code serviceAccountName} and {@code
 * kubeConfig}.
 */
package dev.cairn.engine.cluster;

/**
 * The apply engine: staged server-side apply, change sets, diff and drift, prune and wait.
 *
 * <p>Public: {@link dev.cairn.apply.ResourceManager} (the facade), {@link
 * dev.cairn.apply.ClusterClient} (the port) and {@link dev.cairn.apply.Fabric8ClusterClient}, the
 * value types {@link dev.cairn.apply.ChangeSet}, {@link dev.cairn.apply.ChangeSetEntry}, {@link
 * dev.cairn.apply.Action}, {@link dev.cairn.apply.ApplyOptions}, {@link
 * dev.cairn.apply.WaitResult}, the errors {@link dev.cairn.apply.ApplyException} and {@link
 * dev.cairn.apply.ClusterException}, and the one kind-order table {@link
 * dev.cairn.apply.KindOrder}. Everything else is package-private machinery.
 *
 * <p>Knows no Cairn kind: it works on unstructured {@code KubeObject}s. Only {@code
 * Fabric8ClusterClient} may import the Kubernetes client; no step logic, status or inventory
 * belongs here.
 */
package dev.cairn.apply;

/**
 * The apply engine: staged server-side apply, change sets, diff and drift, prune and wait.
 *
 * <p>Knows no Cairn kind: it works on unstructured objects through the {@code ClusterClient} port.
 */
package dev.cairn.apply;

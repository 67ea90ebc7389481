/**
 * What the CLI reads and changes in a cluster: the Cairn objects ({@link
 * dev.cairn.cli.cluster.CairnObjects}), their events and inventories, and how a client is built
 * from {@code --kubeconfig/--context}. Facades here return records; they never print.
 */
package dev.cairn.cli.cluster;

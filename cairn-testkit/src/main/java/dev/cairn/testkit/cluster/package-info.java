/**
 * The JUnit 5 side of the simulated cluster: {@link dev.cairn.testkit.cluster.ClusterExtension}
 * hands each test class one {@link dev.cairn.testkit.cluster.TestCluster}, a {@code cairn-sim}
 * {@link dev.cairn.sim.cluster.SimulatedCluster} or the real cluster named by {@code KUBECONFIG}.
 *
 * <p>The simulation itself lives in {@code cairn-sim} ({@code dev.cairn.sim.cluster}).
 */
package dev.cairn.testkit.cluster;

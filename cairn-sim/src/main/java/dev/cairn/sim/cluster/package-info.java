/**
 * The simulated cluster: a Kubernetes API server in this JVM that models the API-server semantics
 * Cairn relies on (server-side apply with managed fields, dry-run, status subresource, generation,
 * CRD and namespace lifecycle, garbage collection), a readiness simulator and request counting.
 *
 * <p>Public entry points: {@link dev.cairn.sim.cluster.SimulatedCluster}, {@link
 * dev.cairn.sim.cluster.SimulatedClusterOptions}, {@link dev.cairn.sim.cluster.CairnCrdInstaller}.
 * Everything else is package-private machinery. Nothing here may behave in a way a real API server
 * would not; what is not modelled is listed in the module README. The JUnit 5 extension lives in
 * {@code cairn-testkit} ({@code dev.cairn.testkit.cluster}); no test library may be used here.
 */
package dev.cairn.sim.cluster;

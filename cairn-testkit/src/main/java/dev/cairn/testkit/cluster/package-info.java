/**
 * The simulated cluster: fabric8's mock API server in CRUD mode, with a dispatcher in front of its
 * store that adds the API-server semantics Cairn relies on (server-side apply with managed fields,
 * dry-run, status subresource, generation, CRD and namespace lifecycle, garbage collection), a
 * readiness simulator, request counting, and the JUnit 5 extension that hands tests one cluster per
 * class (or the real cluster named by {@code KUBECONFIG}).
 *
 * <p>Public entry points: {@link dev.cairn.testkit.cluster.SimulatedCluster}, {@link
 * dev.cairn.testkit.cluster.ClusterExtension} / {@link dev.cairn.testkit.cluster.TestCluster}.
 * Everything else is package-private machinery. Nothing here may behave in a way a real API server
 * would not; what is not modelled is listed in the module README. Git, Helm and registry fixtures
 * do not belong here.
 */
package dev.cairn.testkit.cluster;

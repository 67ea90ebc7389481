/**
 * The simulated cluster (fabric8's mock API server in CRUD mode, extended with server-side apply,
 * dry-run, CRD and namespace semantics, garbage collection and a readiness simulator) and fixtures
 * for real servers.
 *
 * <p>Used by tests, and by {@code cairn up} to run without a cluster.
 */
package dev.cairn.testkit;

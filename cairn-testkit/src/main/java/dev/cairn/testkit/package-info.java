/**
 * Test support on top of {@code cairn-sim}: the JUnit 5 extension that hands tests a simulated (or
 * real) cluster, and fixtures for real servers (SSH Git, Helm repository, OCI registry, PKI, PGP
 * keys).
 *
 * <p>Used by tests only; main code of other modules never uses it.
 */
package dev.cairn.testkit;

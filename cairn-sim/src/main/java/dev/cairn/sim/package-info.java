/**
 * What {@code cairn up} runs in-process instead of a real cluster: the simulated Kubernetes API
 * server ({@code dev.cairn.sim.cluster}) and a Git server ({@code dev.cairn.sim.git}). Runtime
 * code: no JUnit, Awaitility or other test library may be used here; the JUnit extension and the
 * test fixtures live in {@code cairn-testkit}, on top of this module.
 */
package dev.cairn.sim;

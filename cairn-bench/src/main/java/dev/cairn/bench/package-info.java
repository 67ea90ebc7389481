/**
 * Benchmarks: workload generators and runners that measure Cairn side by side with the tools it
 * replaces. They are built by {@code ./mvnw verify} but only run by hand (see docs/benchmarks.md);
 * no test depends on them.
 */
package dev.cairn.bench;

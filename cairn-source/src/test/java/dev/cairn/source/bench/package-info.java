/**
 * Benchmarks run by hand, never by {@code verify} (class names end in {@code Benchmark}, which
 * neither surefire nor failsafe picks up). See the module README for how to run them.
 */
package dev.cairn.source.bench;

/**
 * A Git server and a working copy for {@code cairn up}, benchmarks and tests: {@link
 * dev.cairn.sim.git.GitHttpServer} (JGit's smart HTTP servlet on embedded Jetty, 127.0.0.1 only,
 * optional basic auth, push enabled) and {@link dev.cairn.sim.git.GitWorkingCopy}, which drives the
 * real {@code git} CLI.
 *
 * <p>Nothing here depends on {@code cairn-source} or on a test library.
 */
package dev.cairn.sim.git;

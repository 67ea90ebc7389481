/**
 * Git fixtures for tests: {@link dev.cairn.testkit.git.GitHttpServer} (JGit's smart HTTP servlet on
 * embedded Jetty, 127.0.0.1 only, optional basic auth, push enabled), {@link
 * dev.cairn.testkit.git.GitSshServer} (Apache MINA sshd with JGit's upload/receive pack, key auth),
 * and {@link dev.cairn.testkit.git.GitWorkingCopy}, which drives the real {@code git} CLI.
 *
 * <p>No Cairn production code lives here and nothing here depends on {@code cairn-source}.
 */
package dev.cairn.testkit.git;

/**
 * Git fixtures for tests: {@link dev.cairn.testkit.git.GitSshServer} (Apache MINA sshd with JGit's
 * upload/receive pack, key auth), {@link dev.cairn.testkit.git.SshKeys} and {@link
 * dev.cairn.testkit.git.TestPgpKey}. The smart-HTTP server and the working copy that {@code cairn
 * up} also uses live in {@code cairn-sim} ({@code dev.cairn.sim.git}).
 *
 * <p>No Cairn production code lives here and nothing here depends on {@code cairn-source}.
 */
package dev.cairn.testkit.git;

/**
 * Git sources: {@link dev.cairn.source.git.GitFetcher} with its spec records ({@link
 * dev.cairn.source.git.GitSourceSpec}, {@link dev.cairn.source.git.GitRef}, {@link
 * dev.cairn.source.git.GitCredentials}, {@link dev.cairn.source.git.VerifySpec}), persistent bare
 * mirrors, ref resolution with Flux's precedence and revision format, and tree archiving with
 * {@code .sourceignore} rules.
 *
 * <p>Uses JGit only; no {@code git} binary. Never puts credentials in URLs, files or messages.
 */
package dev.cairn.source.git;

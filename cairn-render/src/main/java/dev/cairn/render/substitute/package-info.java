/**
 * Flux-compatible post-build variable substitution: the {@code ${...}} template language ({@link
 * dev.cairn.render.substitute.ShellTemplate}), the merge order of variables ({@link
 * dev.cairn.render.substitute.SubstitutionVariables}) and substitution of one object ({@link
 * dev.cairn.render.substitute.PostBuildSubstitution}).
 *
 * <p>Pure functions over text and objects: no file, cluster or network access here. Variable values
 * never appear in messages.
 */
package dev.cairn.render.substitute;

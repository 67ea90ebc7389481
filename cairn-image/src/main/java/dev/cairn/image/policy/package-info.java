/**
 * Tag policies as Flux's image-reflector-controller applies them: {@link
 * dev.cairn.image.policy.SemverConstraint} (Masterminds/semver's constraint language and
 * pre-release rule) over {@link dev.cairn.image.policy.LenientVersion}s, alphabetical and numerical
 * orders, and {@link dev.cairn.image.policy.TagFilter} ({@code filterTags} with Go's RE2 syntax and
 * {@code $name} expansion). {@link dev.cairn.image.policy.TagPolicy#select} picks the tag. Pure.
 */
package dev.cairn.image.policy;

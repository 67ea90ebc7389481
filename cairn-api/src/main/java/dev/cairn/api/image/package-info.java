/**
 * Image automation kinds, Flux's {@code image.toolkit.fluxcd.io} fields under {@code cairn.dev/v1}:
 * {@link dev.cairn.api.image.ImageRepository} (a registry scan), {@link
 * dev.cairn.api.image.ImagePolicy} (the tag a policy picks) and {@link
 * dev.cairn.api.image.ImageUpdateAutomation} (setter markers rewritten, committed and pushed).
 */
package dev.cairn.api.image;

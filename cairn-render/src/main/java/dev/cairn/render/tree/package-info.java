/**
 * The artifact's file tree as rendering sees it: resolving {@code spec.path} safely ({@link
 * dev.cairn.render.tree.ArtifactPath}), a temporary working copy to write into ({@link
 * dev.cairn.render.tree.WorkingCopy}), finding or generating a kustomization ({@link
 * dev.cairn.render.tree.KustomizationFiles}) and setting the Kustomization's fields on it like Flux
 * ({@link dev.cairn.render.tree.FluxOverlay}).
 *
 * <p>Only local files: no cluster or network access. Never writes into the artifact itself.
 */
package dev.cairn.render.tree;

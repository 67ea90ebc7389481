/**
 * Turns an artifact and a spec into a rendered set of objects: {@link
 * dev.cairn.render.KustomizationRenderer} (Flux's kustomize-controller build: generated
 * kustomization, Flux's overlays, post-build substitution, common metadata, dialect translation),
 * with its values {@link dev.cairn.render.RenderInputs}, {@link dev.cairn.render.RenderOptions},
 * {@link dev.cairn.render.RenderedSet} and {@link dev.cairn.render.RenderException}.
 *
 * <p>Pure rendering: no cluster I/O and no Kubernetes client (an architecture test enforces it).
 * Inputs that live in the cluster (substitution variables) are read by the caller.
 */
package dev.cairn.render;

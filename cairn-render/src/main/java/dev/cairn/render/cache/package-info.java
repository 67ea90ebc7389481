/**
 * Sharing kustomize builds between Kustomizations: {@link dev.cairn.render.cache.BuildCache} keeps
 * the objects a build produced, keyed by {@link dev.cairn.render.cache.BuildKey} (every input the
 * build reads), and hands each caller its own deep copy. Sizes are estimated by {@link
 * dev.cairn.render.cache.TreeWeight}.
 */
package dev.cairn.render.cache;

/**
 * The Kustomization reconciler and its steps (source, dependencies, render, apply, prune, health),
 * inventory and history bookkeeping and event decisions.
 *
 * <p>May use the fabric8 client to read Cairn objects, ConfigMaps and Secrets and to write Events
 * and status; applies only through cairn-apply's {@code ResourceManager}. No operator-framework
 * types.
 */
package dev.cairn.engine.kustomize;

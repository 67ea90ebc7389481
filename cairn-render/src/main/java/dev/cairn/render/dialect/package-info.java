/**
 * Dialect translation: manifests written for other GitOps tools (Flux today; Argo CD and Bitnami
 * sealed secrets are meant to plug in as further {@link dev.cairn.render.dialect.Dialect}s) become
 * Cairn objects after rendering.
 *
 * <p>Pure object-to-object functions: no file, cluster or network access.
 */
package dev.cairn.render.dialect;

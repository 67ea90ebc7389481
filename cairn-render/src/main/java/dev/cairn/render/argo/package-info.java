/**
 * Rendering of Argo CD application sources: a directory of manifests ({@code directory.recurse},
 * {@code include}, {@code exclude}), a Kustomization with the {@code kustomize.*} options, or a
 * Helm chart with {@code helm.*} values, value files (relative to the chart, or {@code $ref/...}
 * across sources) and parameters, as Argo CD's repo-server renders them.
 *
 * <p>Values in, objects out: no cluster or network access. Argo CD manifests in the output (child
 * Applications of an app of apps) are translated into Cairn kinds.
 */
package dev.cairn.render.argo;

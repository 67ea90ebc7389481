/**
 * Helm rendering: {@link dev.cairn.render.helm.HelmTemplateRenderer} runs Helm's own {@code
 * template} (helm-java, Helm v3 embedded) over an unpacked chart directory and sorts the output
 * into hooks, CRDs and the main set; {@link dev.cairn.render.helm.HelmValues} merges values in
 * Flux's order and sets {@code --set}-style paths; {@link dev.cairn.render.helm.HelmPostRenderer}
 * runs Kustomize patches and images over the output.
 *
 * <p>Pure rendering: no cluster I/O. The caller reads ConfigMaps and Secrets and the cluster's
 * version, and applies what comes out.
 */
package dev.cairn.render.helm;

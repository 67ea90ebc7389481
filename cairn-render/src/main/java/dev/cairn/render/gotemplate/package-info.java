/**
 * Go {@code text/template} with Sprig, as Helm provides it: {@link
 * dev.cairn.render.gotemplate.GoTemplateEngine} renders named templates against a JSON-like data
 * tree, for Flux's commit message templates and Argo CD's ApplicationSet templates. {@link
 * dev.cairn.render.gotemplate.HelmGoTemplateEngine} runs them through Helm's own engine
 * (helm-java), all templates of one call in one render.
 *
 * <p>Pure: no cluster or network I/O; a temporary directory holds the throwaway chart during a
 * call.
 */
package dev.cairn.render.gotemplate;

/**
 * The source kinds ({@code GitRepository}, {@code OCIRepository}, {@code HelmRepository}, {@code
 * HelmChart}) with their spec records and status classes, shaped like Flux's {@code
 * source.toolkit.fluxcd.io/v1}.
 *
 * <p>Specs are immutable records; statuses are mutable beans that controllers fill. Enum constants
 * are named after the value when the value is a kind-like name, otherwise carry the value in
 * {@code @JsonProperty}. No fetching code lives here.
 */
package dev.cairn.api.source;

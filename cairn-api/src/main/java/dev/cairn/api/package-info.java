/**
 * The {@code cairn.dev/v1} custom resources (fabric8 {@code CustomResource} classes) and the shared
 * status records (conditions, artifact, inventory).
 *
 * <p>Field names and meanings follow Flux's APIs. No client calls, no behaviour beyond validation.
 */
package dev.cairn.api;

/**
 * The {@code cairn.dev/v1} API identity and the values every kind shares: condition types and
 * reasons (Flux's spelling), the {@link dev.cairn.api.Conditions} helper, references, {@link
 * dev.cairn.api.Artifact}, inventory entries and ids, history entries, durations, and the table
 * mapping Flux apiVersions to Cairn's.
 *
 * <p>The kinds live in subpackages ({@code source}, {@code kustomize}, {@code helm}); schema
 * validation in {@code schema}. No client calls and no reconcile behaviour live here.
 */
package dev.cairn.api;

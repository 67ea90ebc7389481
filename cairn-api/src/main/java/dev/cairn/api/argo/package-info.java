/**
 * Argo CD's kinds in {@code cairn.dev/v1}: read from Git as {@code argoproj.io/v1alpha1} and
 * translated by {@code cairn-render}'s dialects, with Argo CD's field names kept.
 */
package dev.cairn.api.argo;

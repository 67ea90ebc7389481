/**
 * Argo CD's {@code Application}, {@code AppProject} and {@code ApplicationSet} as {@code
 * cairn.dev/v1} custom resources: the fields keep Argo CD's names and shapes ({@code
 * argoproj.io/v1alpha1} manifests read from Git become these by changing only their apiVersion),
 * and the status is written in Argo CD's shape ({@code sync}, {@code health}, {@code resources},
 * {@code operationState}, {@code history}; for sets {@code conditions}, {@code resources}, {@code
 * applicationStatus}) next to Cairn's conditions. Only the resource classes live here; the
 * reconcilers are the engine's.
 */
package dev.cairn.api.argo;

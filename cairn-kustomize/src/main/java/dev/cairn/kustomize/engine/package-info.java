/**
 * The build engine behind {@link dev.cairn.kustomize.Kustomizer}: file access with kustomize's load
 * restrictions, kustomization parsing, accumulation of resources, bases, generators and components,
 * patches, ordering and build metadata.
 *
 * <p>Internal: not an API; other modules use {@link dev.cairn.kustomize.Kustomizer}. No Kubernetes
 * client, no network, no process environment.
 */
package dev.cairn.kustomize.engine;

/**
 * Unstructured Kubernetes objects over Jackson's tree model, their identities, and YAML reading and
 * writing.
 *
 * <p>A leaf: no Kubernetes client, no other Cairn module. Everything that handles manifests as data
 * (kustomize, health, apply, render) speaks these types.
 */
package dev.cairn.manifest;

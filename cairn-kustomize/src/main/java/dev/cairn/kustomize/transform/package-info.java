/**
 * Kustomize's built-in transformers: namespace, name prefix/suffix, labels and annotations, images,
 * replicas, and the name-reference fixer, driven by the field-spec table {@code field-specs.txt}.
 *
 * <p>Transformers mutate objects of a {@link dev.cairn.kustomize.engine.ResourceSet} in place; they
 * read no files.
 */
package dev.cairn.kustomize.transform;

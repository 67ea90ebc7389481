/**
 * Patch algorithms over Jackson trees: strategic merge (with the built-in kinds' list merge keys
 * from {@code patch-strategies.txt}) and RFC 6902 JSON patch.
 *
 * <p>Pure functions of their inputs: no file access, no knowledge of kustomizations.
 */
package dev.cairn.kustomize.patch;

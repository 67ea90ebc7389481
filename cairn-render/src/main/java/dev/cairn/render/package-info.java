/**
 * Turns an artifact and a spec into a rendered set of objects: plain YAML, Kustomize, Helm,
 * substitution, decryption and dialect translation.
 *
 * <p>Pure rendering: no cluster I/O and no Kubernetes client.
 */
package dev.cairn.render;

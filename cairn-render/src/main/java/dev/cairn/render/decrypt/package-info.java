/**
 * SOPS decryption for {@code spec.decryption.provider: sops}, as kustomize-controller does it: the
 * files a {@code secretGenerator} reads are decrypted in the working copy before the Kustomize
 * build (with the MAC check), and SOPS-encrypted Secret manifests in the built set after it
 * (without: Kustomize's labels and namespaces would change the MAC). No Secret leaves still
 * encrypted. Messages name files and objects, never values.
 */
package dev.cairn.render.decrypt;

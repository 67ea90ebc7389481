/**
 * Secrets kept in Git, as pure cryptography: {@link dev.cairn.secrets.sealed} seals and unseals
 * Sealed Secrets values bit for bit as kubeseal and the sealed-secrets controller do, {@link
 * dev.cairn.secrets.sops} decrypts SOPS files as kustomize-controller does. Nothing here talks to a
 * cluster or the network, and no plaintext reaches a message, a log or a {@code toString}.
 */
package dev.cairn.secrets;

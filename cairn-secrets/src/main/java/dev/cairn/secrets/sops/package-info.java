/**
 * SOPS decryption as kustomize-controller does it for {@code spec.decryption.provider: sops}: YAML,
 * JSON, dotenv, INI and binary files, data keys from age identities and OpenPGP secret keys, values
 * decrypted with their key path as additional data, and the file's MAC verified. Nothing here
 * encrypts, reads a cluster or reaches a key management service; plaintext never appears in a
 * message or {@code toString}.
 */
package dev.cairn.secrets.sops;

/**
 * Sealed Secrets (bitnami-labs/sealed-secrets) crypto: the hybrid RSA-OAEP + AES-GCM value format,
 * the scope labels, sealing keys (RSA-4096 with a self-signed certificate, PEM), and the
 * SealedSecret manifest both ways. No Kubernetes client: manifests are Jackson trees.
 */
package dev.cairn.secrets.sealed;

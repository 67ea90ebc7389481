/**
 * Secrets in the cluster: the SealedSecret kind ({@link dev.cairn.engine.secrets.SealedSecretKind})
 * and the sealing keys it opens values with ({@link dev.cairn.engine.secrets.SealingKeyring}), kept
 * as the sealed-secrets controller keeps them. The crypto is {@code cairn-secrets}'; nothing here
 * logs or records a value, only key names, data keys and fingerprints.
 */
package dev.cairn.engine.secrets;

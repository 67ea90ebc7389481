package dev.cairn.sim.cluster;

import java.util.Objects;

/**
 * The certificate the simulated API server presents over HTTPS, as PEM text, and the CA that issued
 * it (what a Pod finds in {@code /var/run/secrets/kubernetes.io/serviceaccount/ca.crt}).
 *
 * @param certificatePem the server certificate (for 127.0.0.1)
 * @param privateKeyPem its private key, PKCS#8
 * @param caPem the issuing CA's certificate, which clients trust
 */
public record ServingTls(String certificatePem, String privateKeyPem, String caPem) {
  public ServingTls {
    Objects.requireNonNull(certificatePem, "certificatePem");
    Objects.requireNonNull(privateKeyPem, "privateKeyPem");
    Objects.requireNonNull(caPem, "caPem");
  }
}

package dev.cairn.source;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The client's key manager: presents the configured certificate, if any, and remembers when a
 * server asked for a client certificate this side could not give. Under TLS 1.3 a server refuses a
 * missing certificate only after the client's handshake is done, so the client sees a bare "error
 * writing to server"; this memory lets the error say what really happened.
 */
final class ClientCertificateRequests extends X509ExtendedKeyManager {
  private final X509ExtendedKeyManager delegate;
  private final X509Certificate configured;
  private volatile String unanswered;

  /**
   * @param delegate the key manager holding the client certificate, or null for none
   * @param configured the client certificate, or null for none
   */
  ClientCertificateRequests(X509ExtendedKeyManager delegate, X509Certificate configured) {
    this.delegate = delegate;
    this.configured = configured;
  }

  /** What the last certificate request this side could not answer asked for, or null. */
  String unanswered() {
    return unanswered;
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return record(
        delegate == null ? null : delegate.chooseClientAlias(keyTypes, issuers, socket), issuers);
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return record(
        delegate == null ? null : delegate.chooseEngineClientAlias(keyTypes, issuers, engine),
        issuers);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return delegate == null ? null : delegate.getCertificateChain(alias);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return delegate == null ? null : delegate.getPrivateKey(alias);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return delegate == null ? null : delegate.getClientAliases(keyType, issuers);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  private String record(String alias, Principal[] issuers) {
    if (alias == null) {
      unanswered =
          configured == null
              ? "the server asked for a TLS client certificate and none is set (tls.crt, tls.key)"
              : "the server asked for a TLS client certificate issued by "
                  + describe(issuers)
                  + ", and the one in tls.crt is issued by '"
                  + configured.getIssuerX500Principal().getName()
                  + "'";
    }
    return alias;
  }

  private static String describe(Principal[] issuers) {
    if (issuers == null || issuers.length == 0) {
      return "any CA";
    }
    return Arrays.stream(issuers)
        .map(p -> "'" + p.getName() + "'")
        .collect(Collectors.joining(", ", "one of [", "]"));
  }
}

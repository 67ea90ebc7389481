package dev.cairn.source.git;

import dev.cairn.source.ClientTls;
import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * A JGit HTTP connection factory for one transport whose https connections trust only the given CA
 * (host names are still verified by the JDK) and present the given client certificate. Set per
 * transport, never globally, so other sources keep the JDK's defaults.
 */
final class TlsConnections implements HttpConnectionFactory2 {
  private final JDKHttpConnectionFactory delegate = new JDKHttpConnectionFactory();
  private final KeyManager[] keyManagers;
  private final TrustManager[] trustManagers;

  TlsConnections(ClientTls tls) {
    this.keyManagers = tls.keyManagers();
    this.trustManagers = tls.trustManagers();
  }

  @Override
  public HttpConnection create(URL url) throws IOException {
    return delegate.create(url);
  }

  @Override
  public HttpConnection create(URL url, Proxy proxy) throws IOException {
    return delegate.create(url, proxy);
  }

  @Override
  public GitSession newSession() {
    return new GitSession() {
      @Override
      public HttpConnection configure(HttpConnection connection, boolean sslVerify)
          throws GeneralSecurityException {
        if ("https".equals(connection.getURL().getProtocol())) {
          connection.configure(keyManagers, trustManagers, null);
        }
        return connection;
      }

      @Override
      public void close() {}
    };
  }
}

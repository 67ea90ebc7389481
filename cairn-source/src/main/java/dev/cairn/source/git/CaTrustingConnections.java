package dev.cairn.source.git;

import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.security.GeneralSecurityException;
import javax.net.ssl.TrustManager;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * A JGit HTTP connection factory for one transport whose https connections trust only the given CA
 * (host names are still verified by the JDK). Set per transport, never globally, so other sources
 * keep the JDK's default trust.
 */
final class CaTrustingConnections implements HttpConnectionFactory2 {
  private final JDKHttpConnectionFactory delegate = new JDKHttpConnectionFactory();
  private final TrustManager[] trustManagers;

  CaTrustingConnections(TrustManager[] trustManagers) {
    this.trustManagers = trustManagers.clone();
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
          connection.configure(null, trustManagers, null);
        }
        return connection;
      }

      @Override
      public void close() {}
    };
  }
}

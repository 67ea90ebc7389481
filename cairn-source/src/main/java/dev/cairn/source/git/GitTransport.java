package dev.cairn.source.git;

import dev.cairn.source.ClientTls;
import dev.cairn.source.Redactor;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.util.Map;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Applies one source's credentials and timeout to a JGit transport command: basic auth through a
 * credentials provider, a bearer token as an extra HTTP header, a private CA and a client
 * certificate through a per-transport connection factory, SSH keys and known hosts through a
 * per-fetch sshd session factory.
 */
final class GitTransport implements AutoCloseable {
  private final GitUrl url;
  private final GitSourceSpec spec;
  private final SshSessions.PerFetch sshSessions;
  private final Redactor redactor;
  private final ClientTls tls;
  private final TlsConnections tlsConnections;

  GitTransport(GitUrl url, GitSourceSpec spec, SshSessions ssh) throws SourceException {
    this.url = url;
    this.spec = spec;
    this.tls = url.isHttp() ? ClientTls.of(spec.tls(), false) : null;
    this.tlsConnections = tls == null ? null : new TlsConnections(tls);
    this.sshSessions = url.isSsh() ? ssh.factoryFor(spec.credentials()) : null;
    this.redactor = Redactor.of(spec.credentials().secrets().toArray(String[]::new));
  }

  /** A failed transport operation, with what the server asked of TLS if that explains it. */
  SourceException failure(String what, GitUrl url, Throwable error) {
    SourceException failure = GitErrors.classify(what, url, error, redactor);
    return tls == null ? failure : tls.explain(failure, SourceReason.GIT_OPERATION_FAILED);
  }

  <C extends TransportCommand<C, ?>> C configure(C command) {
    GitCredentials credentials = spec.credentials();
    command.setTimeout((int) Math.max(1, spec.timeout().toSeconds()));
    if (url.isHttp() && credentials.hasBasic()) {
      command.setCredentialsProvider(
          new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password()));
    }
    command.setTransportConfigCallback(
        transport -> {
          if (transport instanceof TransportHttp http && credentials.hasBearer()) {
            http.setAdditionalHeaders(
                Map.of("Authorization", "Bearer " + credentials.bearerToken()));
          }
          if (transport instanceof TransportHttp http && tlsConnections != null) {
            http.setHttpConnectionFactory(tlsConnections);
          }
          if (transport instanceof SshTransport ssh && sshSessions != null) {
            ssh.setSshSessionFactory(sshSessions.factory());
          }
        });
    return command;
  }

  @Override
  public void close() {
    if (sshSessions != null) {
      sshSessions.close();
    }
  }
}

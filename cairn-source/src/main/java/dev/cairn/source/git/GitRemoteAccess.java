package dev.cairn.source.git;

import dev.cairn.source.SourceException;
import java.nio.file.Path;
import org.eclipse.jgit.api.TransportCommand;

/**
 * The transport settings of one Git source for callers outside this package that run their own JGit
 * commands (clone, fetch, push): the source's basic, bearer or SSH credentials, its TLS settings
 * and timeout, applied exactly as the GitRepository fetcher applies them; failures classified and
 * redacted the same way. Close it after the commands.
 */
public final class GitRemoteAccess implements AutoCloseable {
  private final GitUrl url;
  private final GitTransport transport;

  private GitRemoteAccess(GitUrl url, GitTransport transport) {
    this.url = url;
    this.transport = transport;
  }

  /**
   * @param workDirectory where SSH known-hosts files are written for the duration
   */
  public static GitRemoteAccess open(GitSourceSpec spec, Path workDirectory)
      throws SourceException {
    GitUrl url = GitUrl.parse(spec.url());
    return new GitRemoteAccess(url, new GitTransport(url, spec, new SshSessions(workDirectory)));
  }

  /** {@code command} with the credentials, TLS and timeout applied. */
  public <C extends TransportCommand<C, ?>> C configure(C command) {
    return transport.configure(command);
  }

  /** A failed transport operation as a redacted, classified exception. */
  public SourceException failure(String what, Throwable error) {
    return transport.failure(what, url, error);
  }

  @Override
  public void close() {
    transport.close();
  }
}

package dev.cairn.engine.source;

import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.GitRepositoryStatus;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.Trigger;
import dev.cairn.source.TlsSettings;
import dev.cairn.source.git.GitCredentials;
import dev.cairn.source.git.GitFetchResult;
import java.time.Clock;
import java.util.List;

/** The state of one GitRepository reconciliation. */
public final class GitRepositoryRun extends Run<GitRepositoryStatus> {
  private final GitRepository object;
  private GitCredentials credentials = GitCredentials.none();
  private TlsSettings tls = TlsSettings.none();
  private GitFetchResult fetched;

  GitRepositoryRun(GitRepository object, Trigger trigger, GitRepositoryStatus draft, Clock clock) {
    super(
        new ResourceKey(
            "GitRepository", object.getMetadata().getNamespace(), object.getMetadata().getName()),
        object.getMetadata().getGeneration() == null ? 0L : object.getMetadata().getGeneration(),
        trigger,
        List.of(),
        draft,
        clock);
    this.object = object;
  }

  public GitRepository object() {
    return object;
  }

  /** Credentials from {@code spec.secretRef}; never logged. */
  GitCredentials credentials() {
    return credentials;
  }

  void credentials(GitCredentials credentials) {
    this.credentials = credentials;
  }

  /**
   * TLS settings from {@code spec.secretRef} ({@code ca.crt}, {@code tls.crt}, {@code tls.key}).
   */
  TlsSettings tls() {
    return tls;
  }

  void tls(TlsSettings tls) {
    this.tls = tls;
  }

  public GitFetchResult fetched() {
    return fetched;
  }

  void fetched(GitFetchResult fetched) {
    this.fetched = fetched;
    loggerContext().put("revision", fetched.revision());
  }
}

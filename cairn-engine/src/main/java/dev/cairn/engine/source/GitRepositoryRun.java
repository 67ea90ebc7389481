package dev.cairn.engine.source;

import dev.cairn.api.Artifact;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.GitRepositoryStatus;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.Trigger;
import dev.cairn.source.TlsSettings;
import dev.cairn.source.artifact.ArtifactInclude;
import dev.cairn.source.git.GitCredentials;
import dev.cairn.source.git.GitFetchResult;
import dev.cairn.source.git.VerifySpec;
import java.time.Clock;
import java.util.List;

/** The state of one GitRepository reconciliation. */
public final class GitRepositoryRun extends Run<GitRepositoryStatus> {
  private final GitRepository object;
  private GitCredentials credentials = GitCredentials.none();
  private TlsSettings tls = TlsSettings.none();
  private GitFetchResult fetched;
  private VerifySpec verify;
  private List<ArtifactInclude> includes = List.of();
  private List<Artifact> includedArtifacts = List.of();

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

  /** {@code spec.verify} with the keys read from its Secret; null when unset. */
  VerifySpec verify() {
    return verify;
  }

  void verify(VerifySpec verify) {
    this.verify = verify;
  }

  /** What {@code spec.include} resolved to, for the fetcher. */
  List<ArtifactInclude> includes() {
    return includes;
  }

  /** The included repositories' artifacts, for {@code status.includedArtifacts}. */
  List<Artifact> includedArtifacts() {
    return includedArtifacts;
  }

  void includes(List<ArtifactInclude> includes, List<Artifact> artifacts) {
    this.includes = List.copyOf(includes);
    this.includedArtifacts = List.copyOf(artifacts);
  }

  public GitFetchResult fetched() {
    return fetched;
  }

  void fetched(GitFetchResult fetched) {
    this.fetched = fetched;
    loggerContext().put("revision", fetched.revision());
  }
}

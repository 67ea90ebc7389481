package dev.cairn.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.testkit.git.GitSshServer;
import dev.cairn.testkit.git.SshKeys;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitSshIT {
  private static final String PASSPHRASE = "correct-horse-battery";

  @TempDir static Path temp;
  private GitSshServer server;
  private KeyPair plainKey;
  private KeyPair protectedKey;
  private String url;
  private String head;
  private GitFetcher fetcher;

  @BeforeAll
  void start() throws Exception {
    plainKey = SshKeys.generate();
    protectedKey = SshKeys.generate();
    server =
        GitSshServer.start(temp.resolve("ssh"), plainKey.getPublic(), protectedKey.getPublic());
    url = server.createRepository("app");
    GitWorkingCopy copy = GitWorkingCopy.init(temp.resolve("work"));
    head = copy.write("deploy/app.yaml", "kind: Deployment\n").commitAll("app");
    copy.push(server.repositoryDirectory("app").toString());
    fetcher =
        new GitFetcher(
            temp.resolve("cache"),
            new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults()));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static SourceKey key(String name) {
    return new SourceKey("gitrepository", "default", name);
  }

  private GitSourceSpec spec(GitCredentials credentials) {
    return GitSourceSpec.of(url).withRef(GitRef.ofBranch("main")).withCredentials(credentials);
  }

  @Test
  void fetchesWithKeyAndKnownHosts() throws Exception {
    GitCredentials credentials =
        GitCredentials.ssh(
            SshKeys.openSshPrivateKey(plainKey, null), null, server.knownHostsLine());
    GitFetchResult result = fetcher.fetch(key("plain"), spec(credentials));
    assertThat(result.revision()).isEqualTo("main@sha1:" + head);
  }

  @Test
  void fetchesWithPassphraseProtectedKey() throws Exception {
    GitCredentials credentials =
        GitCredentials.ssh(
            SshKeys.openSshPrivateKey(protectedKey, PASSPHRASE),
            PASSPHRASE,
            server.knownHostsLine());
    GitFetchResult result = fetcher.fetch(key("protected"), spec(credentials));
    assertThat(result.revision()).isEqualTo("main@sha1:" + head);
  }

  @Test
  void refusesAHostKeyThatDoesNotMatchKnownHosts() {
    String otherHost =
        "[127.0.0.1]:"
            + server.port()
            + " "
            + SshKeys.publicKeyLine(SshKeys.generate().getPublic());
    String identity = SshKeys.openSshPrivateKey(plainKey, null);
    assertThatThrownBy(
            () ->
                fetcher.fetch(key("mismatch"), spec(GitCredentials.ssh(identity, null, otherHost))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.GIT_OPERATION_FAILED);
              assertThat(e.getMessage()).contains(url);
              GitAuthIT.assertSecretAbsent(e, identity.lines().skip(1).findFirst().orElseThrow());
            });
  }

  @Test
  void refusesAnUnknownHostByDefault() {
    String identity = SshKeys.openSshPrivateKey(plainKey, null);
    assertThatThrownBy(
            () -> fetcher.fetch(key("unknown"), spec(GitCredentials.ssh(identity, null, null))))
        .isInstanceOf(SourceException.class);
  }

  @Test
  void unauthorisedKeyIsAuthenticationFailed() {
    String stranger = SshKeys.openSshPrivateKey(SshKeys.generate(), PASSPHRASE);
    assertThatThrownBy(
            () ->
                fetcher.fetch(
                    key("stranger"),
                    spec(GitCredentials.ssh(stranger, PASSPHRASE, server.knownHostsLine()))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.AUTHENTICATION_FAILED);
              GitAuthIT.assertSecretAbsent(e, PASSPHRASE);
            });
  }
}

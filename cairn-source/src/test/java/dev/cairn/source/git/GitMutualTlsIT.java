package dev.cairn.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.TlsSettings;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.testkit.tls.TestPki;
import dev.cairn.testkit.tls.TestPki.Issued;
import dev.cairn.testkit.tls.TestPki.KeyType;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git over HTTPS to a server that demands a client certificate (Flux's secretRef with tls.crt,
 * tls.key and ca.crt): only a client presenting a certificate of the server's CA fetches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitMutualTlsIT {
  @TempDir static Path temp;
  private TestPki pki;
  private Issued client;
  private GitHttpServer server;
  private String url;
  private String head;
  private GitFetcher fetcher;

  @BeforeAll
  void start() throws Exception {
    pki = TestPki.create("git-ca");
    client = pki.issueClient("cairn", KeyType.EC);
    server =
        GitHttpServer.startMutualTls(temp.resolve("server"), pki.serverContext(pki.issueServer()));
    url = server.createRepository("fleet");
    GitWorkingCopy copy = GitWorkingCopy.init(temp.resolve("work"));
    head = copy.write("a.yaml", "a").commitAll("a");
    copy.push(server.repositoryDirectory("fleet").toString());
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

  private GitSourceSpec spec(TlsSettings tls) {
    return GitSourceSpec.of(url).withRef(GitRef.ofBranch("main")).withTls(tls);
  }

  @Test
  void aClientCertificateOfTheCaFetches() throws Exception {
    TlsSettings tls =
        TlsSettings.trusting(pki.caPem())
            .withClientCertificate(client.certificatePem(), client.traditionalKeyPem());

    GitFetchResult result = fetcher.fetch(key("mtls"), spec(tls));

    assertThat(url).startsWith("https://");
    assertThat(result.revision()).isEqualTo("main@sha1:" + head);
  }

  @Test
  void withoutAClientCertificateTheServerRefuses() {
    assertThatThrownBy(() -> fetcher.fetch(key("no-cert"), spec(TlsSettings.trusting(pki.caPem()))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.AUTHENTICATION_FAILED);
              assertThat(e.getMessage())
                  .startsWith("cannot fetch branch 'main' from " + url)
                  .endsWith(
                      "(the server asked for a TLS client certificate and none is set (tls.crt,"
                          + " tls.key))");
            });
  }

  @Test
  void aKeyThatDoesNotMatchIsNamedBeforeConnecting() {
    Issued other = pki.issueClient("other", KeyType.EC);
    TlsSettings tls =
        TlsSettings.trusting(pki.caPem())
            .withClientCertificate(client.certificatePem(), other.pkcs8KeyPem());

    assertThatThrownBy(() -> fetcher.fetch(key("mismatch"), spec(tls)))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.INVALID_SPEC);
              assertThat(e.getMessage()).contains("tls.key does not belong");
            });
  }
}

package dev.cairn.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.testkit.helm.SelfSignedCertificate;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Git over HTTPS with a certificate from a private CA (Flux's certSecretRef ca.crt). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitTlsIT {
  @TempDir static Path temp;
  private SelfSignedCertificate certificate;
  private GitHttpServer server;
  private String url;
  private String head;
  private GitFetcher fetcher;

  @BeforeAll
  void start() throws Exception {
    certificate = SelfSignedCertificate.generate(temp.resolve("tls"));
    server = GitHttpServer.startTls(temp.resolve("server"), certificate.serverContext());
    url = server.createRepository("secure");
    GitWorkingCopy copy = GitWorkingCopy.init(temp.resolve("work"));
    head = copy.write("a.yaml", "a").commitAll("a");
    copy.push(server.repositoryDirectory("secure").toString());
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

  @Test
  void untrustedCertificateIsRefused() {
    assertThat(url).startsWith("https://");
    assertThatThrownBy(
            () ->
                fetcher.fetch(
                    key("untrusted"), GitSourceSpec.of(url).withRef(GitRef.ofBranch("main"))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.GIT_OPERATION_FAILED);
              assertThat(e.getMessage()).contains(url);
            });
  }

  @Test
  void trustedCaFetches() throws Exception {
    GitFetchResult result =
        fetcher.fetch(
            key("trusted"),
            GitSourceSpec.of(url)
                .withRef(GitRef.ofBranch("main"))
                .withCaCertificate(certificate.certificatePem()));
    assertThat(result.revision()).isEqualTo("main@sha1:" + head);
  }
}

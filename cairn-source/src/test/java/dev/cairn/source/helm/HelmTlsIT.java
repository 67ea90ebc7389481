package dev.cairn.source.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.testkit.helm.HelmRepoServer;
import dev.cairn.testkit.helm.SelfSignedCertificate;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a certificate the JDK does not trust: refused, trusted via CA, or insecure. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelmTlsIT {
  @TempDir static Path temp;
  private SelfSignedCertificate certificate;
  private HelmRepoServer server;
  private HelmRepositoryFetcher fetcher;

  @BeforeAll
  void start() throws Exception {
    certificate = SelfSignedCertificate.generate(temp.resolve("tls"));
    server = HelmRepoServer.startTls(temp.resolve("repo"), certificate);
    fetcher =
        new HelmRepositoryFetcher(
            new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults()),
            HelmFetcherOptions.defaults());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static SourceKey key(String name) {
    return new SourceKey("helmrepository", "default", name);
  }

  @Test
  void untrustedCertificateIsRefused() {
    assertThat(server.url()).startsWith("https://");
    assertThatThrownBy(
            () -> fetcher.fetchIndex(key("untrusted"), HelmRepositoryEndpoint.of(server.url())))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.INDEXATION_FAILED);
              assertThat(e.getMessage()).contains(server.url());
            });
  }

  @Test
  void trustedCaCertificateIsAccepted() throws Exception {
    HelmIndexResult result =
        fetcher.fetchIndex(
            key("ca"),
            HelmRepositoryEndpoint.of(server.url())
                .withCaCertificate(certificate.certificatePem()));
    assertThat(result.index().entries()).isEmpty();
  }

  @Test
  void insecureSkipsVerification() throws Exception {
    HelmIndexResult result =
        fetcher.fetchIndex(
            key("insecure"), HelmRepositoryEndpoint.of(server.url()).withInsecure(true));
    assertThat(result.digest()).startsWith("sha256:");
  }

  @Test
  void garbageCaIsInvalidSpec() {
    assertThatThrownBy(
            () ->
                fetcher.fetchIndex(
                    key("garbage"),
                    HelmRepositoryEndpoint.of(server.url()).withCaCertificate("not a certificate")))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(SourceReason.INVALID_SPEC));
  }
}

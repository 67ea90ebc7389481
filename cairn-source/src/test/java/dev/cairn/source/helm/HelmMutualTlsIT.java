package dev.cairn.source.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.TlsSettings;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.testkit.helm.HelmCharts;
import dev.cairn.testkit.helm.HelmRepoServer;
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
 * A chart repository that demands a client certificate (Flux's certSecretRef with tls.crt and
 * tls.key): the index and charts come only to a client presenting a certificate of the right CA.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelmMutualTlsIT {
  @TempDir static Path temp;
  private TestPki pki;
  private Issued client;
  private HelmRepoServer server;
  private HelmRepositoryFetcher fetcher;

  @BeforeAll
  void start() throws Exception {
    pki = TestPki.create("helm-ca");
    client = pki.issueClient("cairn", KeyType.RSA);
    server =
        HelmRepoServer.startMutualTls(temp.resolve("repo"), pki.serverContext(pki.issueServer()));
    Path chart = HelmCharts.create(temp.resolve("src"), "web", "1.0.0");
    server.addChart(
        "web", "1.0.0", HelmCharts.packageChart(chart, temp.resolve("pkg"), "web", "1.0.0"));
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

  private HelmRepositoryEndpoint repo(TlsSettings tls) {
    return HelmRepositoryEndpoint.of(server.url()).withTls(tls);
  }

  @Test
  void aClientCertificateOfTheCaGetsIndexAndChart() throws Exception {
    TlsSettings tls =
        TlsSettings.trusting(pki.caPem())
            .withClientCertificate(client.certificatePem(), client.traditionalKeyPem());

    HelmIndexResult index = fetcher.fetchIndex(key("mtls"), repo(tls));
    HelmChartResult chart =
        fetcher.pullChart(key("mtls-web"), repo(tls), ChartPullRequest.of("web", "1.x"));

    assertThat(index.index().entries()).containsKey("web");
    assertThat(chart.version()).isEqualTo("1.0.0");
  }

  @Test
  void withoutAClientCertificateTheServerRefuses() {
    assertThatThrownBy(
            () -> fetcher.fetchIndex(key("no-cert"), repo(TlsSettings.trusting(pki.caPem()))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.AUTHENTICATION_FAILED);
              assertThat(e.getMessage())
                  .startsWith("cannot fetch index from " + server.url())
                  .endsWith(
                      "(the server asked for a TLS client certificate and none is set (tls.crt,"
                          + " tls.key))");
            });
  }

  @Test
  void aCertificateOfAnotherCaIsRefused() {
    Issued stranger = TestPki.create("other-ca").issueClient("cairn", KeyType.EC);
    String key = stranger.pkcs8KeyPem();
    TlsSettings tls =
        TlsSettings.trusting(pki.caPem()).withClientCertificate(stranger.certificatePem(), key);

    assertThatThrownBy(() -> fetcher.fetchIndex(key("stranger"), repo(tls)))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.AUTHENTICATION_FAILED);
              assertThat(e.getMessage())
                  .contains(server.url())
                  .endsWith(
                      "(the server asked for a TLS client certificate issued by one of"
                          + " ['CN=helm-ca'], and the one in tls.crt is issued by 'CN=other-ca')")
                  .doesNotContain(keyBody(key));
            });
  }

  @Test
  void insecureStillPresentsTheClientCertificate() throws Exception {
    TlsSettings tls =
        TlsSettings.none().withClientCertificate(client.certificatePem(), client.pkcs8KeyPem());

    HelmIndexResult index = fetcher.fetchIndex(key("insecure"), repo(tls).withInsecure(true));

    assertThat(index.index().entries()).containsKey("web");
  }

  private static String keyBody(String pem) {
    return pem.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
  }
}

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
import dev.cairn.testkit.registry.OciRegistry;
import dev.cairn.testkit.tls.TestPki;
import dev.cairn.testkit.tls.TestPki.Issued;
import dev.cairn.testkit.tls.TestPki.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's docker-registry serving HTTPS and demanding a client certificate ({@code
 * http.tls.clientcas}): a HelmRepository of {@code type: oci} with {@code certSecretRef} pulls its
 * charts; without the certificate the registry refuses and the error says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OciMutualTlsIT {
  @TempDir static Path temp;
  private TestPki pki;
  private Issued client;
  private OciRegistry registry;
  private OciChartFetcher fetcher;

  @BeforeAll
  void startRegistryAndPush() throws Exception {
    pki = TestPki.create("registry-ca");
    client = pki.issueClient("cairn", KeyType.EC);
    registry = OciRegistry.startMutualTls(temp.resolve("registry"), pki);
    Path tls = Files.createDirectories(temp.resolve("push-tls"));
    Files.writeString(tls.resolve("ca.crt"), pki.caPem());
    Files.writeString(tls.resolve("tls.crt"), client.certificatePem());
    Files.writeString(tls.resolve("tls.key"), client.pkcs8KeyPem());
    Path chart = HelmCharts.create(temp.resolve("src"), "web", "1.2.0");
    HelmCharts.pushMutualTls(
        HelmCharts.packageChart(chart, temp.resolve("pkg"), "web", "1.2.0"),
        registry.ociUrl("charts"),
        tls);
    fetcher =
        new OciChartFetcher(
            new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults()),
            HelmFetcherOptions.defaults());
  }

  @AfterAll
  void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  private HelmRepositoryEndpoint repo(TlsSettings tls) {
    return HelmRepositoryEndpoint.of(registry.ociUrl("charts"))
        .withType(HelmRepositoryEndpoint.Type.OCI)
        .withTls(tls);
  }

  private static SourceKey key(String name) {
    return new SourceKey("helmchart", "default", name);
  }

  @Test
  void aClientCertificateOfTheCaPullsTheChart() throws Exception {
    TlsSettings tls =
        TlsSettings.trusting(pki.caPem())
            .withClientCertificate(client.certificatePem(), client.traditionalKeyPem());

    HelmChartResult result =
        fetcher.pullChart(key("mtls"), repo(tls), ChartPullRequest.of("web", "1.x"));

    assertThat(result.version()).isEqualTo("1.2.0");
    assertThat(result.digest()).matches("sha256:[0-9a-f]{64}");
  }

  @Test
  void withoutAClientCertificateTheRegistryRefuses() {
    assertThatThrownBy(
            () ->
                fetcher.pullChart(
                    key("no-cert"),
                    repo(TlsSettings.trusting(pki.caPem())),
                    ChartPullRequest.of("web", "1.x")))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.AUTHENTICATION_FAILED);
              assertThat(e.getMessage())
                  .contains(registry.host())
                  .endsWith(
                      "(the server asked for a TLS client certificate and none is set (tls.crt,"
                          + " tls.key))");
            });
  }

  @Test
  void aRegistryCertificateOfAnUnknownCaIsRefused() {
    TlsSettings tls =
        TlsSettings.trusting(TestPki.create("other-ca").caPem())
            .withClientCertificate(client.certificatePem(), client.pkcs8KeyPem());

    assertThatThrownBy(
            () -> fetcher.pullChart(key("wrong-ca"), repo(tls), ChartPullRequest.of("web", "1.x")))
        .isInstanceOfSatisfying(
            SourceException.class, e -> assertThat(e.getMessage()).contains(registry.host()));
  }
}

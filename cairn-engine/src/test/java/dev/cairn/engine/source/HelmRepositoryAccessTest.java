package dev.cairn.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.source.HelmRepository;
import dev.cairn.source.helm.HelmRepositoryEndpoint;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fetch request a HelmRepository without Secrets turns into. */
class HelmRepositoryAccessTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{url: 'https://charts.example.com/', interval: 10m} | DEFAULT | false | false | 60",
        "{url: 'https://charts.example.com/', interval: 10m, passCredentials: true, timeout: 2m}"
            + " | DEFAULT | false | true | 120",
        "{url: 'oci://registry.example.com/charts', type: oci, insecure: true}"
            + " | OCI | true | false | 60",
      })
  void mapsFluxFields(
      String spec, String type, boolean insecure, boolean passCredentials, long timeoutSeconds) {
    HelmRepository repository =
        JSON.unmarshal(
            """
            apiVersion: cairn.dev/v1
            kind: HelmRepository
            metadata: {name: charts, namespace: ns}
            spec: %s
            """
                .formatted(spec),
            HelmRepository.class);

    HelmRepositoryEndpoint request = new HelmRepositoryAccess(null).request(repository);

    assertThat(request.type().name()).isEqualTo(type);
    assertThat(request.insecure()).isEqualTo(insecure);
    assertThat(request.passCredentials()).isEqualTo(passCredentials);
    assertThat(request.timeout()).isEqualTo(Duration.ofSeconds(timeoutSeconds));
    assertThat(request.credentials().present()).isFalse();
  }
}

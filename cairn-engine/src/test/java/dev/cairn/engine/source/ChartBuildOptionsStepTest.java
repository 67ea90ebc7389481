package dev.cairn.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.Artifact;
import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmChartStatus;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.engine.Trigger;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The build options the {@code build} step derives from a HelmChart, as Flux derives them. */
class ChartBuildOptionsStepTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  @ParameterizedTest(name = "{0} source, strategy {1}, valuesFiles [{2}] -> ''{3}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "HelmRepository | ChartVersion |                   | ''",
        "HelmRepository | ChartVersion | values.yaml       | ''",
        "HelmRepository | ChartVersion | values.yaml,b.yaml | 7",
        "HelmRepository | Revision     | b.yaml            | 7",
        "GitRepository  | ChartVersion |                   | ''",
        "GitRepository  | Revision     |                   | 0123456789ab",
        "GitRepository  | Revision     | b.yaml            | 0123456789ab.7",
      })
  void versionMetadataFollowsFlux(
      String kind, String strategy, String valuesFiles, String expected) {
    String files = valuesFiles == null ? "" : ", valuesFiles: [" + valuesFiles + "]";
    HelmChart chart =
        JSON.unmarshal(
            """
            apiVersion: cairn.dev/v1
            kind: HelmChart
            metadata: {name: web, namespace: ns, generation: 7}
            spec: {chart: web, interval: 1m, reconcileStrategy: %s,
                   sourceRef: {kind: %s, name: src}%s}
            """
                .formatted(strategy, kind, files),
            HelmChart.class);
    HelmChartRun run =
        new HelmChartRun(
            chart, Trigger.WATCH, new HelmChartStatus(), Duration.ofMinutes(1), Clock.systemUTC());
    if (kind.equals("HelmRepository")) {
      run.repository(new HelmRepository());
    }
    run.sourceArtifact(
        new Artifact(
            "p",
            "u",
            "main@sha1:0123456789abcdef0123456789abcdef01234567",
            "sha256:00",
            "2026-01-01T00:00:00Z",
            1L,
            null));

    assertThat(ChartBuildStep.options(run).versionMetadata()).isEqualTo(expected);
  }
}

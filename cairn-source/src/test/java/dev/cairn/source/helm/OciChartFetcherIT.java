package dev.cairn.source.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.testkit.helm.HelmCharts;
import dev.cairn.testkit.registry.OciRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Needs Debian's docker-registry; fails with a clear message when it is missing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OciChartFetcherIT {
  @TempDir static Path temp;
  private OciRegistry registry;
  private OciChartFetcher fetcher;
  private ArtifactStore store;

  @BeforeAll
  void startRegistryAndPush() throws Exception {
    registry = OciRegistry.start(temp.resolve("registry"));
    for (String version : new String[] {"0.9.0", "1.1.0", "1.3.0+build.7", "2.0.0"}) {
      Path chart = HelmCharts.create(temp.resolve("src-" + version), "nginx", version);
      Path packaged = HelmCharts.packageChart(chart, temp.resolve("pkg"), "nginx", version);
      HelmCharts.pushPlainHttp(packaged, registry.ociUrl("charts"));
    }
    store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    fetcher = new OciChartFetcher(store, HelmFetcherOptions.defaults());
  }

  @AfterAll
  void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  private HelmRepositoryEndpoint repo() {
    return HelmRepositoryEndpoint.of(registry.ociUrl("charts"))
        .withType(HelmRepositoryEndpoint.Type.OCI)
        .withInsecure(true);
  }

  private static SourceKey key(String name) {
    return new SourceKey("helmchart", "default", name);
  }

  @Test
  void pullsTheHighestMatchingTagAndVerifiesTheLayerDigest() throws Exception {
    HelmChartResult result =
        fetcher.pullChart(key("nginx"), repo(), ChartPullRequest.of("nginx", ">=1.0.0 <2.0.0"));

    assertThat(result.version()).isEqualTo("1.3.0+build.7");
    assertThat(result.digest()).matches("sha256:[0-9a-f]{64}");
    Path out = temp.resolve("out");
    store.extract(result.artifact(), out);
    assertThat(out.resolve("nginx/Chart.yaml")).content().contains("version: 1.3.0+build.7");
  }

  @Test
  void exactVersion() throws Exception {
    assertThat(
            fetcher
                .pullChart(key("exact"), repo(), ChartPullRequest.of("nginx", "0.9.0"))
                .version())
        .isEqualTo("0.9.0");
  }

  @Test
  void unknownChartOrVersionIsTyped() {
    assertThatThrownBy(
            () -> fetcher.pullChart(key("missing"), repo(), ChartPullRequest.of("nginx", ">=5")))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(SourceReason.CHART_NOT_FOUND));
    assertThatThrownBy(
            () -> fetcher.pullChart(key("missing"), repo(), ChartPullRequest.of("absent", "*")))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.CHART_PULL_FAILED);
              assertThat(e.getMessage()).contains(registry.host() + "/charts/absent");
            });
  }

  @Test
  void plainHttpNeedsInsecure() {
    assertThatThrownBy(
            () ->
                fetcher.pullChart(
                    key("tls"), repo().withInsecure(false), ChartPullRequest.of("nginx", "*")))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(SourceReason.CHART_PULL_FAILED));
  }
}

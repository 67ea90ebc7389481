package dev.cairn.render.helmcharts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.KustomizeOptions;
import dev.cairn.kustomize.Kustomizer;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.helm.HelmTemplateRenderer;
import dev.cairn.testkit.helm.HelmCharts;
import dev.cairn.testkit.helm.HelmRepoServer;
import dev.cairn.testkit.registry.OciRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code helmCharts} entries with a {@code repo}: charts pulled from a Helm repository (the test
 * kit's HTTP server) and from an OCI registry (Debian's docker-registry), into a cache outside the
 * kustomization.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelmChartsRepositoryIT {
  @TempDir static Path temp;
  private HelmRepoServer repo;
  private OciRegistry registry;

  @BeforeAll
  void publish() throws IOException {
    repo = HelmRepoServer.start(Files.createDirectories(temp.resolve("repo")));
    registry = OciRegistry.start(temp.resolve("registry"));
    for (String version : List.of("1.0.0", "1.1.0")) {
      Path chart = chart(version);
      Path packaged = HelmCharts.packageChart(chart, temp.resolve("pkg"), "demo", version);
      repo.addChart("demo", version, packaged);
      HelmCharts.pushPlainHttp(packaged, registry.ociUrl("charts"));
    }
  }

  @AfterAll
  void stop() {
    if (repo != null) {
      repo.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  private static Path chart(String version) throws IOException {
    Path dir = temp.resolve("src-" + version).resolve("demo");
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(
        dir.resolve("Chart.yaml"), "apiVersion: v2\nname: demo\nversion: " + version + "\n");
    Files.writeString(dir.resolve("values.yaml"), "greeting: hello\n");
    Files.writeString(
        dir.resolve("templates/cm.yaml"),
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-demo
        data:
          greeting: {{ .Values.greeting | quote }}
          chart: {{ .Chart.Version | quote }}
        """);
    return dir;
  }

  private Path kustomization(String name, String entry) throws IOException {
    Path dir = Files.createDirectories(temp.resolve(name));
    Files.writeString(dir.resolve("kustomization.yaml"), "helmCharts:\n- " + entry + "\n");
    return dir;
  }

  private static Kustomizer kustomizer(ChartCache cache) {
    KustomizeChartInflator inflator =
        new KustomizeChartInflator(HelmTemplateRenderer.defaults(), cache);
    return Kustomizer.defaults()
        .withOptions(KustomizeOptions.defaults().withChartInflator(inflator));
  }

  @Test
  void anExactVersionIsPulledOnceIntoTheCacheNotIntoTheKustomization() throws IOException {
    Path dir =
        kustomization(
            "exact",
            "{name: demo, repo: '"
                + repo.url()
                + "', version: 1.0.0, releaseName: r, valuesInline: {greeting: hi}}");
    ChartCache cache = ChartCache.at(temp.resolve("cache-exact"));
    List<KubeObject> objects = kustomizer(cache).build(dir);
    assertThat(objects).singleElement().satisfies(o -> assertThat(o.name()).isEqualTo("r-demo"));
    assertThat(objects.get(0).node().at("/data/greeting").asText()).isEqualTo("hi");
    assertThat(objects.get(0).node().at("/data/chart").asText()).isEqualTo("1.0.0");
    assertThat(dir.resolve("charts")).doesNotExist();
    int packages = repo.hits("/charts/demo-1.0.0.tgz");
    assertThat(packages).isEqualTo(1);

    kustomizer(cache).build(dir);
    assertThat(repo.hits("/charts/demo-1.0.0.tgz")).isEqualTo(packages);
  }

  @Test
  void noVersionResolvesTheLatestAgainstTheRepository() throws IOException {
    Path dir = kustomization("latest", "{name: demo, repo: '" + repo.url() + "'}");
    ChartCache cache = ChartCache.at(temp.resolve("cache-latest"));
    int before = repo.hits("/index.yaml");
    assertThat(kustomizer(cache).build(dir).get(0).node().at("/data/chart").asText())
        .isEqualTo("1.1.0");
    kustomizer(cache).build(dir);
    assertThat(repo.hits("/index.yaml")).isEqualTo(before + 2);
  }

  @Test
  void aChartInTheVersionedChartHomeIsUsedWithoutThePull() throws IOException {
    Path dir =
        kustomization("local", "{name: demo, repo: 'http://127.0.0.1:9/none', version: 1.0.0}");
    Path local = dir.resolve("charts/demo-1.0.0/demo");
    Files.createDirectories(local.resolve("templates"));
    Files.writeString(local.resolve("Chart.yaml"), "apiVersion: v2\nname: demo\nversion: 9.9.9\n");
    Files.writeString(local.resolve("values.yaml"), "greeting: local\n");
    Files.copy(chart("1.0.0").resolve("templates/cm.yaml"), local.resolve("templates/cm.yaml"));
    List<KubeObject> objects = kustomizer(ChartCache.at(temp.resolve("cache-local"))).build(dir);
    assertThat(objects.get(0).node().at("/data/chart").asText()).isEqualTo("9.9.9");
    assertThat(objects.get(0).node().at("/data/greeting").asText()).isEqualTo("local");
  }

  @Test
  void anUnknownChartIsNamedWithItsRepository() throws IOException {
    Path dir = kustomization("unknown", "{name: nope, repo: '" + repo.url() + "', version: 1.0.0}");
    assertThatThrownBy(() -> kustomizer(ChartCache.at(temp.resolve("cache-unknown"))).build(dir))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("helm chart 'nope'")
        .hasMessageContaining("cannot pull chart nope 1.0.0 from " + repo.url());
  }

  @Test
  void ociRegistriesServeChartsToo() throws IOException {
    Path dir =
        kustomization(
            "oci",
            "{name: demo, repo: '"
                + registry.ociUrl("charts")
                + "', version: '~1.0', releaseName: o}");
    ChartCache cache = ChartCache.at(temp.resolve("cache-oci")).withPlainHttp(true);
    List<KubeObject> objects = kustomizer(cache).build(dir);
    assertThat(objects).singleElement().satisfies(o -> assertThat(o.name()).isEqualTo("o-demo"));
    assertThat(objects.get(0).node().at("/data/chart").asText()).isEqualTo("1.0.0");
    assertThat(objects.get(0).node().at("/data/greeting").asText()).isEqualTo("hello");
  }
}

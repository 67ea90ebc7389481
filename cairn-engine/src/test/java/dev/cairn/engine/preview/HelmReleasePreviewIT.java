package dev.cairn.engine.preview;

import static dev.cairn.engine.preview.FleetPreviewTest.owner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.testkit.helm.HelmCharts;
import dev.cairn.testkit.helm.HelmRepoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HelmReleases previewed against a real Helm repository on 127.0.0.1 and charts in the repo. */
class HelmReleasePreviewIT {
  @TempDir static Path shared;
  static HelmRepoServer repository;

  @TempDir Path dir;

  @BeforeAll
  static void publishCharts() throws IOException {
    Path served = Files.createDirectories(shared.resolve("served/charts"));
    repository = HelmRepoServer.start(served.getParent());
    for (String version : List.of("1.0.0", "1.1.0")) {
      Path chart = HelmCharts.create(shared.resolve("src-" + version), "hello", version);
      if (version.equals("1.1.0")) {
        Path values = chart.resolve("values.yaml");
        String text = Files.readString(values, StandardCharsets.UTF_8);
        Files.writeString(values, text.replace("port: 80", "port: 8080"), StandardCharsets.UTF_8);
      }
      Path packaged = HelmCharts.packageChart(chart, shared.resolve("pkg"), "hello", version);
      repository.addChart("hello", version, packaged);
    }
  }

  @AfterAll
  static void stop() {
    repository.close();
  }

  @Test
  void aChartVersionBumpShowsTheRenderedDifference() {
    GitWorkingCopy git = GitWorkingCopy.init(dir);
    git.write(
        "clusters/prod/sources.yaml",
        helmRepository("charts", repository.url())
            + "---\n"
            + helmRepository("gone", "http://127.0.0.1:1/"));
    git.write("clusters/prod/hello.yaml", release("hello", "charts", "1.0.0", 1));
    git.write("clusters/prod/broken.yaml", release("broken", "gone", "1.0.0", 1));
    git.commitAll("hello 1.0.0");
    git.write("clusters/prod/hello.yaml", release("hello", "charts", "1.1.0", 2));
    git.commitAll("hello 1.1.0");

    PreviewReport report = FleetPreview.defaults().preview(dir, "HEAD~1", "HEAD", null, null);

    OwnerPreview hello = owner(report, "HelmRelease/apps/hello");
    assertThat(hello.toError()).isNull();
    assertThat(hello.changes())
        .extracting(ObjectChange::label)
        .contains("Deployment.apps/apps/apps-hello", "Service/apps/apps-hello");
    String all = String.join("", hello.changes().stream().map(ObjectChange::diff).toList());
    assertThat(all)
        .contains("-    helm.sh/chart: hello-1.0.0", "+    helm.sh/chart: hello-1.1.0")
        .contains("-    port: 80\n+    port: 8080\n")
        .contains("-  replicas: 1", "+  replicas: 2")
        .contains("     app.kubernetes.io/managed-by: Helm\n");
    OwnerPreview broken = owner(report, "HelmRelease/apps/broken");
    assertThat(broken.toError()).contains("cannot get chart hello");
    assertThat(report.hasErrors()).isTrue();
  }

  @Test
  void aChartInTheRepositoryRendersFromTheRevisionsTree() throws IOException {
    GitWorkingCopy git = GitWorkingCopy.init(dir);
    HelmCharts.create(dir.resolve("charts"), "local", "0.1.0");
    git.write(
        "clusters/prod/local.yaml",
        release("local", "flux-system", "*", 1)
            .replace("kind: HelmRepository", "kind: GitRepository")
            .replace("chart: hello", "chart: ./charts/local"));
    git.commitAll("local chart");
    Path values = dir.resolve("charts/local/values.yaml");
    git.write(
        "charts/local/values.yaml",
        Files.readString(values, StandardCharsets.UTF_8).replace("port: 80", "port: 9090"));
    git.commitAll("port");

    PreviewReport report = FleetPreview.defaults().preview(dir, "HEAD~1", "HEAD", null, null);

    OwnerPreview local = owner(report, "HelmRelease/apps/local");
    assertThat(local.toError()).isNull();
    assertThat(local.changes())
        .extracting(ObjectChange::label)
        .containsExactlyInAnyOrder("Service/apps/apps-local", "Deployment.apps/apps/apps-local");
    assertThat(String.join("", local.changes().stream().map(ObjectChange::diff).toList()))
        .contains("+    port: 9090");
  }

  static String helmRepository(String name, String url) {
    return "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: "
        + name
        + "\n  namespace: flux-system\nspec:\n  interval: 1h\n  url: "
        + url
        + "\n";
  }

  static String release(String name, String source, String version, int replicas) {
    return "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: "
        + name
        + "\n  namespace: apps\nspec:\n  interval: 10m\n  targetNamespace: apps\n  chart:\n"
        + "    spec:\n      chart: hello\n      version: \""
        + version
        + "\"\n"
        + "      sourceRef:\n        kind: HelmRepository\n        name: "
        + source
        + "\n        namespace: flux-system\n  values:\n    replicaCount: "
        + replicas
        + "\n";
  }
}

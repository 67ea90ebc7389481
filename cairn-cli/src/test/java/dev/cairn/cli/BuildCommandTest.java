package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {

  @Test
  void printsWhatKubectlKustomizePrints() throws IOException {
    // shop-expected.yaml was produced by `kubectl kustomize build/shop` (kustomize v5.5.0).
    String expected = Files.readString(Path.of("src/test/resources/build/shop-expected.yaml"));
    MainTest.Result result = MainTest.run("build", "src/test/resources/build/shop");
    assertThat(result.err()).isEmpty();
    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo(expected);
  }

  @Test
  void aMissingResourceIsOneLineNamingTheFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n- missing.yaml\n");
    MainTest.Result result = MainTest.run("build", dir.toString());
    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).startsWith("error: ").contains("missing.yaml");
  }

  @Test
  void aFileOutsideTheDirectoryIsRefused(@TempDir Path dir) throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.writeString(
        dir.resolve("secret.yaml"), "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n");
    Files.writeString(root.resolve("kustomization.yaml"), "resources:\n- ../secret.yaml\n");
    MainTest.Result result = MainTest.run("build", root.toString());
    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("error: ");
  }

  @Test
  void aDirectoryThatDoesNotExistIsNamed() {
    MainTest.Result result = MainTest.run("build", "no/such/dir");
    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.err()).isEqualTo("error: no/such/dir: no such directory\n");
  }

  private static Path helmKustomization(Path dir) throws IOException {
    Path chart = Files.createDirectories(dir.resolve("app/charts/hello/templates"));
    Files.writeString(
        chart.resolveSibling("Chart.yaml"), "apiVersion: v2\nname: hello\nversion: 0.1.0\n");
    Files.writeString(chart.resolveSibling("values.yaml"), "who: world\n");
    Files.writeString(
        chart.resolve("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n"
            + "data:\n  who: {{ .Values.who }}\n");
    Files.writeString(
        dir.resolve("app/kustomization.yaml"),
        "namespace: demo\nhelmCharts:\n- {name: hello, releaseName: hi, valuesInline: {who: cairn}}\n");
    return dir.resolve("app");
  }

  @Test
  void helmChartsNeedEnableHelm(@TempDir Path dir) throws IOException {
    Path app = helmKustomization(dir);
    MainTest.Result result = MainTest.run("build", app.toString());
    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("error: ").contains("must specify --enable-helm");
  }

  @Test
  void enableHelmInflatesTheChart(@TempDir Path dir) throws IOException {
    Path app = helmKustomization(dir);
    MainTest.Result result =
        MainTest.run(
            "build",
            "--enable-helm",
            "--helm-cache-dir",
            dir.resolve("cache").toString(),
            app.toString());
    assertThat(result.err()).isEmpty();
    assertThat(result.code()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "apiVersion: v1\ndata:\n  who: cairn\nkind: ConfigMap\nmetadata:\n  name: hi\n"
                + "  namespace: demo\n");
  }
}

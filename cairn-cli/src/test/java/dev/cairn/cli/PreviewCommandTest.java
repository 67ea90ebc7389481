package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.sim.git.GitWorkingCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {
  @TempDir Path dir;
  GitWorkingCopy git;

  @BeforeEach
  void fleet() {
    git = GitWorkingCopy.init(dir.resolve("fleet"));
    git.write(
        "clusters/prod/apps.yaml",
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n"
            + "  name: apps\n  namespace: flux-system\nspec:\n  interval: 10m\n  prune: true\n"
            + "  path: ./apps\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n"
            + "  postBuild:\n    substituteFrom:\n    - kind: Secret\n      name: cluster-vars\n");
    git.write("apps/kustomization.yaml", "resources:\n- config.yaml\n- secret.yaml\n");
    git.write("apps/config.yaml", config("1", "${region}"));
    git.write(
        "apps/secret.yaml",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  namespace: apps\n"
            + "stringData:\n  token: first-token-value\n");
    git.commitAll("first");
  }

  @Test
  void noChangeIsExitZeroAndSaysSo() throws Exception {
    Files.writeString(dir.resolve("vars.env"), "# from the cluster\nregion=eu-west-1\n");
    MainTest.Result result =
        MainTest.run(
            "preview",
            "--repo",
            git.directory().toString(),
            "--from",
            "main",
            "--to",
            "HEAD",
            "--vars",
            dir.resolve("vars.env").toString());
    assertThat(result.err()).isEmpty();
    assertThat(result.code()).isEqualTo(ExitCode.OK);
    assertThat(result.out()).contains("No changes").doesNotContain("---");
  }

  @Test
  void changesAreExitOneWithMarkdownTableAndCollapsibleDiffs() throws Exception {
    git.write("apps/config.yaml", config("2", "${region}"));
    git.write(
        "apps/secret.yaml",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  namespace: apps\n"
            + "stringData:\n  token: second-token-value\n");
    git.commitAll("second");
    Files.writeString(dir.resolve("vars.yaml"), "region: eu-west-1\n");

    MainTest.Result result =
        MainTest.run(
            "preview",
            "--repo",
            git.directory().toString(),
            "--from",
            "HEAD~1",
            "-o",
            "markdown",
            "--vars",
            dir.resolve("vars.yaml").toString());

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCode.FAILED);
    assertThat(result.out())
        .startsWith("### Cairn preview: `HEAD~1`")
        .contains("| Top-level object | Added | Changed | Removed | Notes |")
        .contains("| Kustomization `flux-system/apps` | 0 | 2 | 0 |")
        .contains("Secret flux-system/cluster-vars is not in the repository: its variables come")
        .contains(
            "<details><summary>Kustomization <code>flux-system/apps</code>: ConfigMap/apps/settings changed</summary>")
        .contains("```diff\n--- a/ConfigMap/apps/settings\n+++ b/ConfigMap/apps/settings\n")
        .contains("-  replicas: \"1\"\n+  replicas: \"2\"\n", "   region: eu-west-1\n")
        .contains("+  token: '*** (changed)'")
        .doesNotContain("first-token-value", "second-token-value");
  }

  @Test
  void unknownVariablesAreReportedInJson() throws Exception {
    git.write("apps/config.yaml", config("3", "${region}"));
    git.commitAll("third");

    MainTest.Result result =
        MainTest.run(
            "preview", "--repo", git.directory().toString(), "--from", "HEAD~1", "-o", "json");

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCode.FAILED);
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.path("changed").asBoolean()).isTrue();
    assertThat(json.path("errors").asBoolean()).isFalse();
    assertThat(json.path("unknownVariables").toString()).isEqualTo("[\"region\"]");
    JsonNode apps = json.path("objects").get(1);
    assertThat(apps.path("name").asText()).isEqualTo("apps");
    assertThat(apps.path("changed").asInt()).isEqualTo(1);
    assertThat(apps.path("changes").get(0).path("diff").asText())
        .contains("+  replicas: \"3\"", "  region: ${region}");
  }

  @Test
  void anUnknownRevisionIsExitTwoNamingIt() {
    MainTest.Result result =
        MainTest.run("preview", "--repo", git.directory().toString(), "--from", "nope");
    assertThat(result.code()).isEqualTo(ExitCode.ERRORS);
    assertThat(result.err()).startsWith("error: unknown revision 'nope'");
  }

  @Test
  void aRenderingErrorIsExitTwo() {
    git.write("apps/kustomization.yaml", "resources:\n- gone.yaml\n");
    git.commitAll("broken");
    MainTest.Result result =
        MainTest.run("preview", "--repo", git.directory().toString(), "--from", "HEAD~1");
    assertThat(result.code()).isEqualTo(ExitCode.ERRORS);
    assertThat(result.out()).contains("Kustomization/flux-system/apps: error", "gone.yaml");
  }

  private static String config(String replicas, String region) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: apps\n"
        + "data:\n  replicas: \""
        + replicas
        + "\"\n  region: "
        + region
        + "\n";
  }
}

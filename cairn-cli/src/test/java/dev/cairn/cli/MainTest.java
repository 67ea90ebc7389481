package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpListsTheCommands() {
    Result result = run("--help");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("Usage: cairn").contains("up").contains("version");
  }

  @Test
  void versionPrintsTheBuildVersionAsATable() {
    Result result = run("version");
    assertThat(result.code()).isZero();
    assertThat(result.out().lines().findFirst())
        .hasValueSatisfying(h -> assertThat(h).startsWith("CAIRN"));
    assertThat(result.out()).contains(CairnVersion.version()).doesNotContain("unknown");
  }

  @Test
  void versionAsJsonIsParseable() throws Exception {
    Result result = run("version", "-o", "json");
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.path("cairn").asText()).isEqualTo(CairnVersion.version());
    assertThat(json.path("java").asText()).isEqualTo(System.getProperty("java.version"));
  }

  @Test
  void versionAsYamlIsOneDocument() {
    Result result = run("version", "--output=yaml");
    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("cairn: ").contains("\njava: ");
  }

  @Test
  void unknownCommandIsAUsageErrorOnOneLinePlusAHint() {
    Result result = run("frobnicate");
    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err().lines()).hasSize(2);
    assertThat(result.err()).startsWith("error: ").contains("cairn --help");
  }

  @Test
  void badOutputFormatNamesTheChoices() {
    Result result = run("version", "-o", "xml");
    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("xml").contains("table, yaml, json");
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(run().code()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void completionScriptIsGenerated() {
    Result result = run("generate-completion");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("complete").contains("cairn");
  }

  @Test
  void controllerWithAMissingKubeconfigFailsOnOneLine() {
    Result result =
        run("controller", "--kubeconfig", "no-such-dir/kubeconfig", "--no-leader-elect");
    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.err())
        .isEqualTo(
            "error: kubeconfig 'no-such-dir/kubeconfig' does not exist or is not a file"
                + System.lineSeparator());
  }

  @Test
  void controllerRejectsABindAddressWithoutPort() {
    Result result = run("controller", "--metrics-bind-address", "8080");
    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.err()).startsWith("error: bind address '8080' should be host:port");
  }

  @Test
  void controllerHelpShowsItsDefaults() {
    Result result = run("controller", "--help");
    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("--[no-]leader-elect")
        .contains("127.0.0.1:8080")
        .contains("cairn-system");
  }
}

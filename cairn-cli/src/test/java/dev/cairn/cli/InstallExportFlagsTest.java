package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.manifest.YamlReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cairn install --export} with Flux's lockdown flags and a label selector puts them into the
 * controller Deployment's arguments, after the fixed ones; without them it adds none; {@code
 * --no-remote-bases=false} is refused as {@code cairn controller} refuses it.
 */
class InstallExportFlagsTest {

  @Test
  void lockdownFlagsGoIntoTheControllersArguments() {
    MainTest.Result export =
        MainTest.run(
            "install",
            "--export",
            "-n",
            "cairn-system",
            "--no-cross-namespace-refs",
            "--default-service-account=default",
            "--no-remote-bases",
            "--watch-label-selector",
            "!sharding.fluxcd.io/key");

    assertThat(export.code()).as(export.err()).isEqualTo(ExitCode.OK);
    assertThat(deploymentArgs(export.out()))
        .endsWith(
            "--key-namespace=cairn-system",
            "--no-cross-namespace-refs",
            "--no-remote-bases",
            "--default-service-account=default",
            "--watch-label-selector=!sharding.fluxcd.io/key");
  }

  @Test
  void withoutFlagsTheArgumentsEndWithTheFixedOnes() {
    MainTest.Result export = MainTest.run("install", "--export", "-n", "cairn-system");

    assertThat(export.code()).as(export.err()).isEqualTo(ExitCode.OK);
    assertThat(deploymentArgs(export.out()))
        .endsWith("--key-namespace=cairn-system")
        .noneMatch(a -> a.startsWith("--no-") || a.startsWith("--default-service-account"));
  }

  @Test
  void remoteBasesCannotBeTurnedOnInTheInstalledController() {
    MainTest.Result export =
        MainTest.run("install", "--export", "-n", "cairn-system", "--no-remote-bases=false");

    assertThat(export.code()).isEqualTo(ExitCode.USAGE);
    assertThat(export.err()).contains("Cairn never fetches remote bases");
    assertThat(export.out()).isEmpty();
  }

  private static List<String> deploymentArgs(String yaml) {
    JsonNode deployment =
        YamlReader.defaults().readAll("export", yaml).stream()
            .map(doc -> doc.content())
            .filter(o -> o.path("kind").asText().equals("Deployment"))
            .findFirst()
            .orElseThrow();
    List<String> args = new ArrayList<>();
    deployment.at("/spec/template/spec/containers/0/args").forEach(a -> args.add(a.asText()));
    return args;
  }
}

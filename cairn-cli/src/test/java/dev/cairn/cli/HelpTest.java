package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** Every command and subcommand answers {@code --help} and {@code -h} with its usage. */
class HelpTest {

  @TestFactory
  List<DynamicTest> everyCommandAnswersHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(
        Main.commandLine(new PrintStream(PrintStream.nullOutputStream()), System.err),
        List.of(),
        paths);
    assertThat(paths).hasSizeGreaterThan(12);
    List<DynamicTest> tests = new ArrayList<>();
    for (List<String> path : paths) {
      for (String flag : List.of("--help", "-h")) {
        List<String> args = new ArrayList<>(path);
        args.add(flag);
        tests.add(
            DynamicTest.dynamicTest(
                String.join(" ", args),
                () -> {
                  MainTest.Result result = MainTest.run(args.toArray(String[]::new));
                  assertThat(result.code()).as(result.err()).isZero();
                  String qualified = String.join(" ", List.of("cairn", String.join(" ", path)));
                  assertThat(result.out()).contains("Usage: " + qualified.strip());
                  assertThat(result.err()).isEmpty();
                }));
      }
    }
    return tests;
  }

  @Test
  void helpCommandPrintsTheUsageOfACommand() {
    MainTest.Result result = MainTest.run("help", "up");
    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("Usage: cairn up").contains("--once").contains("--help");
  }

  @Test
  void upHelpListsItsOptions() {
    MainTest.Result result = MainTest.run("up", "--help");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("--repo").contains("--fleet").contains("-h, --help");
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
    paths.add(path);
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals(sub.getCommandName())) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, paths);
              }
            });
  }
}

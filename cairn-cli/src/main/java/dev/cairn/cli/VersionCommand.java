package dev.cairn.cli;

import dev.cairn.cli.output.OutputOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn version}: the build's version and the Java runtime it runs on. */
@Command(name = "version", description = "Print Cairn's version.")
final class VersionCommand implements Callable<Integer> {

  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  record VersionInfo(String cairn, String java, String os) {}

  @Override
  public Integer call() {
    VersionInfo info =
        new VersionInfo(
            CairnVersion.version(),
            System.getProperty("java.version"),
            System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
    output
        .printer()
        .print(
            spec.commandLine().getOut(),
            List.of("CAIRN", "JAVA", "OS"),
            List.of(info),
            v -> List.of(v.cairn(), v.java(), v.os()));
    return ExitCode.OK;
  }
}

package dev.cairn.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code cairn up}: Cairn's main job on its built-in default. */
@Command(
    name = "up",
    description =
        "Sync the example fleet (or --repo) into a simulated cluster and keep it in sync.")
final class UpCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    throw new CliException(
        ExitCode.NOT_READY,
        "'cairn up' is not ready yet: it needs the reconciler and the simulated cluster,"
            + " which are still being built (see the project's open issues)");
  }
}

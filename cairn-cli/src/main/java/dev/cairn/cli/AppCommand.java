package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn app sync|diff|history|rollback|wait NAME}: Argo CD Applications, as argocd does. */
@Command(
    name = "app",
    description = "Argo CD Applications: sync, diff, history, rollback, wait (as 'argocd app').",
    subcommands = {
      AppSyncCommand.class,
      AppDiffCommand.class,
      AppHistoryCommand.class,
      AppRollbackCommand.class,
      AppWaitCommand.class
    })
final class AppCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

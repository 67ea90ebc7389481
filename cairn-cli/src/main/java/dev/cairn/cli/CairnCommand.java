package dev.cairn.cli;

import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root {@code cairn} command: lists the subcommands, runs none itself. */
@Command(
    name = "cairn",
    mixinStandardHelpOptions = true,
    versionProvider = CairnVersion.class,
    description = "GitOps continuous delivery for Kubernetes: Git in, healthy cluster out.",
    subcommands = {
      UpCommand.class,
      GetCommand.class,
      AppCommand.class,
      AppsetCommand.class,
      ReconcileCommand.class,
      SuspendCommand.Suspend.class,
      SuspendCommand.Resume.class,
      EventsCommand.class,
      TreeCommand.class,
      DiffCommand.class,
      PreviewCommand.class,
      BuildCommand.class,
      SealCommand.class,
      ControllerCommand.class,
      InstallCommand.class,
      BootstrapCommand.class,
      CheckCommand.class,
      UninstallCommand.class,
      VersionCommand.class,
      GenerateCompletion.class,
      HelpCommand.class
    },
    footer = {
      "",
      "Start here: 'cairn up' syncs the built-in example fleet into a simulated cluster."
    })
public final class CairnCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }
}

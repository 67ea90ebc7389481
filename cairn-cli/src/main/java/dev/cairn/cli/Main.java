package dev.cairn.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Entry point of the {@code cairn} command line. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /**
   * Runs one command line and returns its exit code; never calls {@code System.exit}, so tests can
   * drive the whole CLI in-process.
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine cli = commandLine(out, err);
    return cli.execute(args);
  }

  static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new CairnCommand());
    addHelpOptions(cli);
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    ErrorHandler handler = new ErrorHandler();
    cli.setExecutionExceptionHandler(handler);
    cli.setParameterExceptionHandler(handler);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  /** Gives every command and subcommand {@code -h, --help} unless it has a help option. */
  private static void addHelpOptions(CommandLine command) {
    if (command.getCommandSpec().optionsMap().get("--help") == null) {
      command.getCommandSpec().addMixin("help", CommandSpec.forAnnotatedObject(new HelpOption()));
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      addHelpOptions(sub);
    }
  }
}

package dev.cairn.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} for a command: {@link Main} adds it to every command and subcommand that has
 * no help option of its own, so no command can forget it.
 */
final class HelpOption {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;
}

package dev.cairn.cli.output;

import picocli.CommandLine.Option;

/** The shared {@code -o/--output} flag. */
public final class OutputOptions {

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format = OutputFormat.table;

  public OutputFormat format() {
    return format;
  }

  public Printer printer() {
    return switch (format) {
      case table -> new TablePrinter();
      case yaml -> new StructuredPrinter(StructuredPrinter.Style.YAML);
      case json -> new StructuredPrinter(StructuredPrinter.Style.JSON);
    };
  }
}

package dev.cairn.cli.output;

/** How a command prints its result. */
public enum OutputFormat {
  table,
  yaml,
  json
}

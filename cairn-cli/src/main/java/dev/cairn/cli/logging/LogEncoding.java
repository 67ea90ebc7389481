package dev.cairn.cli.logging;

/** How a log line is written: one JSON object per line, or text for a person at a terminal. */
public enum LogEncoding {
  JSON,
  CONSOLE
}

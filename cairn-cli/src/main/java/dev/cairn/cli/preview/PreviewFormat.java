package dev.cairn.cli.preview;

/** How {@code cairn preview} prints its report. */
public enum PreviewFormat {
  text,
  markdown,
  json
}

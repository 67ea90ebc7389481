package dev.cairn.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One row of {@code field-coverage.tsv}: a spec path of a kind and what Cairn does with it.
 *
 * @param status {@code implemented}, {@code untested} or {@code refused}
 * @param evidence the test class that proves it (implemented), the main class that acts on it
 *     (untested), or the stall message (refused)
 * @param sample the JSON value that sets a refused field, or null to derive it from the schema
 */
record FieldCoverageRow(String kind, String path, String status, String evidence, String sample) {
  static final Path TABLE = Path.of("src/test/resources/field-coverage.tsv");

  static List<FieldCoverageRow> read() {
    try {
      return Files.readAllLines(TABLE).stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(FieldCoverageRow::parse)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FieldCoverageRow parse(String line) {
    String[] cells = line.split("\t");
    if (cells.length < 4 || !List.of("implemented", "untested", "refused").contains(cells[2])) {
      throw new IllegalArgumentException(TABLE + ": malformed row: " + line);
    }
    return new FieldCoverageRow(
        cells[0], cells[1], cells[2], cells[3], cells.length > 4 ? cells[4] : null);
  }

  String key() {
    return kind + " " + path;
  }
}

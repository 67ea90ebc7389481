package dev.cairn.cli.output;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** Prints rows of values: as an aligned table, or each value as structured YAML/JSON. */
public interface Printer {

  /**
   * Prints {@code rows}. A table shows {@code headers} and the {@code cells} of each row;
   * structured formats serialize the row values themselves (records become objects).
   */
  <T> void print(
      PrintWriter out, List<String> headers, List<T> rows, Function<T, List<String>> cells);
}

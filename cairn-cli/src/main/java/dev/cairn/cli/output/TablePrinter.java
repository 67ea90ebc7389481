package dev.cairn.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** kubectl-style columns: upper-case headers, left-aligned, separated by three spaces. */
public final class TablePrinter implements Printer {

  private static final String GAP = "   ";

  @Override
  public <T> void print(
      PrintWriter out, List<String> headers, List<T> rows, Function<T, List<String>> cells) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(headers);
    for (T row : rows) {
      lines.add(cells.apply(row));
    }
    int[] widths = new int[headers.size()];
    for (List<String> line : lines) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], cell(line, i).length());
      }
    }
    for (List<String> line : lines) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String value = cell(line, i);
        text.append(value);
        if (i < widths.length - 1) {
          text.append(" ".repeat(widths[i] - value.length())).append(GAP);
        }
      }
      out.println(text.toString().stripTrailing());
    }
    out.flush();
  }

  private static String cell(List<String> line, int index) {
    String value = index < line.size() ? line.get(index) : null;
    return value == null ? "" : value;
  }
}

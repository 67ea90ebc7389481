package dev.cairn.cli.output;

import dev.cairn.cli.cluster.ObjectStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Cairn objects as {@code flux get} shows them: NAME, REVISION, SUSPENDED, READY, MESSAGE (plus
 * NAMESPACE across namespaces); names carry their kind when several kinds are listed.
 */
public final class StatusTable {

  private StatusTable() {}

  public static void print(
      PrintWriter out,
      Printer printer,
      List<ObjectStatus> rows,
      boolean withNamespace,
      boolean withKind) {
    List<String> headers = new ArrayList<>();
    if (withNamespace) {
      headers.add("NAMESPACE");
    }
    headers.addAll(List.of("NAME", "REVISION", "SUSPENDED", "READY", "MESSAGE"));
    printer.print(
        out,
        headers,
        rows,
        row -> {
          List<String> cells = new ArrayList<>();
          if (withNamespace) {
            cells.add(row.namespace());
          }
          cells.add(withKind ? row.kind() + "/" + row.name() : row.name());
          cells.add(row.revision());
          cells.add(String.valueOf(row.suspended()));
          cells.add(row.ready());
          cells.add(oneLine(row.message()));
          return cells;
        });
  }

  static String oneLine(String text) {
    return text == null ? "" : text.strip().replace('\n', ' ');
  }
}

package dev.cairn.cli.output;

import dev.cairn.cli.cluster.ObjectStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of {@code cairn get applications}, with the columns of {@code argocd app list}: SYNC
 * STATUS, HEALTH, REVISION and the Ready message.
 */
public final class ApplicationTable {
  private ApplicationTable() {}

  public static void print(
      PrintWriter out, Printer printer, List<ObjectStatus> rows, boolean withNamespace) {
    List<String> headers = new ArrayList<>();
    if (withNamespace) {
      headers.add("NAMESPACE");
    }
    headers.addAll(List.of("NAME", "SYNC STATUS", "HEALTH", "REVISION", "MESSAGE"));
    printer.print(
        out,
        headers,
        rows,
        row -> {
          List<String> cells = new ArrayList<>();
          if (withNamespace) {
            cells.add(row.namespace());
          }
          cells.add(row.name());
          cells.add(field(row, "/sync/status", "Unknown"));
          cells.add(field(row, "/health/status", "Unknown"));
          cells.add(row.revision());
          cells.add(StatusTable.oneLine(row.message()));
          return cells;
        });
  }

  private static String field(ObjectStatus row, String pointer, String fallback) {
    if (row.status() == null) {
      return fallback;
    }
    String value = row.status().at(pointer).asText("");
    return value.isEmpty() ? fallback : value;
  }
}

package dev.cairn.cli.output;

import dev.cairn.api.argo.AppResourceStatus;
import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.OperationState;
import dev.cairn.api.argo.ResourceResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code cairn app sync} prints once the sync has run, as {@code argocd app sync} does: the
 * operation's summary (revision, phase, times, message), then one row per resource of the result
 * with GROUP, KIND, NAMESPACE, NAME, STATUS, HEALTH, HOOK and MESSAGE.
 */
public final class SyncResultTable {
  private SyncResultTable() {}

  public static void print(PrintWriter out, Application app, OperationState state) {
    String revision = revisions(state);
    out.println(
        field("Name:") + app.getMetadata().getNamespace() + "/" + app.getMetadata().getName());
    out.println(field("Operation:") + "Sync");
    out.println(field("Sync Revision:") + revision);
    out.println(field("Phase:") + state.phase());
    out.println(field("Start:") + Objects.toString(state.startedAt(), ""));
    out.println(field("Finished:") + Objects.toString(state.finishedAt(), ""));
    out.println(field("Message:") + StatusTable.oneLine(state.message()));
    out.println();
    List<ResourceResult> results =
        state.syncResult() == null || state.syncResult().resources() == null
            ? List.of()
            : state.syncResult().resources();
    new TablePrinter()
        .print(
            out,
            List.of("GROUP", "KIND", "NAMESPACE", "NAME", "STATUS", "HEALTH", "HOOK", "MESSAGE"),
            results,
            r -> row(app, r));
  }

  private static List<String> row(Application app, ResourceResult r) {
    List<String> cells = new ArrayList<>();
    cells.add(Objects.toString(r.group(), ""));
    cells.add(r.kind());
    cells.add(Objects.toString(r.namespace(), ""));
    cells.add(r.name());
    cells.add(Objects.toString(r.status(), ""));
    cells.add(r.hookType() == null ? health(app, r) : "");
    cells.add(Objects.toString(r.hookType(), ""));
    cells.add(StatusTable.oneLine(r.message()));
    return cells;
  }

  /** The resource's health now, from {@code status.resources}. */
  private static String health(Application app, ResourceResult r) {
    if (app.getStatus() == null || app.getStatus().getResources() == null) {
      return "";
    }
    for (AppResourceStatus resource : app.getStatus().getResources()) {
      if (Objects.equals(Objects.toString(resource.group(), ""), Objects.toString(r.group(), ""))
          && Objects.equals(resource.kind(), r.kind())
          && Objects.equals(resource.name(), r.name())
          && Objects.equals(
              Objects.toString(resource.namespace(), ""), Objects.toString(r.namespace(), ""))
          && resource.health() != null) {
        return Objects.toString(resource.health().status(), "");
      }
    }
    return "";
  }

  static String revisions(OperationState state) {
    if (state.syncResult() == null) {
      return "";
    }
    if (state.syncResult().revisions() != null) {
      return String.join(", ", state.syncResult().revisions());
    }
    return Objects.toString(state.syncResult().revision(), "");
  }

  private static String field(String label) {
    return String.format("%-20s", label);
  }
}

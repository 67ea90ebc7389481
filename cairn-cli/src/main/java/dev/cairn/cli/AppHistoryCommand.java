package dev.cairn.cli;

import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.ApplicationSource;
import dev.cairn.api.argo.RevisionHistory;
import dev.cairn.cli.cluster.ClusterOptions;
import dev.cairn.cli.output.TablePrinter;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn app history NAME}: the Application's deployments ({@code status.history}). */
@Command(
    name = "history",
    description = {
      "List the Application's deployments (status.history, oldest first): the ID 'cairn app"
          + " rollback' takes, when, the revision(s) and the source(s)."
    })
final class AppHistoryCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Mixin ClusterOptions cluster;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (KubernetesClient client = cluster.client()) {
      Application app = new ApplicationOperation(client, cluster.namespace(), name).get();
      List<RevisionHistory> history =
          app.getStatus() == null || app.getStatus().getHistory() == null
              ? List.of()
              : app.getStatus().getHistory();
      new TablePrinter()
          .print(
              spec.commandLine().getOut(),
              List.of("ID", "DATE", "REVISION", "SOURCE"),
              history,
              h ->
                  List.of(
                      Objects.toString(h.id(), ""),
                      Objects.toString(h.deployedAt(), ""),
                      revisions(h),
                      sources(h)));
      if (history.isEmpty()) {
        spec.commandLine().getErr().println(name + " has not been synced yet");
      }
      return ExitCode.OK;
    }
  }

  static String revisions(RevisionHistory h) {
    return h.revisions() != null
        ? String.join(",", h.revisions())
        : Objects.toString(h.revision(), "");
  }

  private static String sources(RevisionHistory h) {
    List<ApplicationSource> sources =
        h.sources() != null ? h.sources() : h.source() == null ? List.of() : List.of(h.source());
    return sources.stream().map(AppHistoryCommand::source).collect(Collectors.joining(","));
  }

  private static String source(ApplicationSource s) {
    String where =
        s.chart() != null && !s.chart().isEmpty()
            ? " chart " + s.chart()
            : s.path() == null || s.path().isEmpty() ? "" : " path " + s.path();
    return s.repoURL() + where;
  }
}

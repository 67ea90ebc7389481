package dev.cairn.cli;

import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.ApplicationSource;
import dev.cairn.api.argo.RevisionHistory;
import dev.cairn.api.argo.SyncOperation;
import dev.cairn.cli.cluster.ClusterOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn app rollback NAME ID}: syncs the revision(s) of a history entry again. */
@Command(
    name = "rollback",
    description = {
      "Sync the revision(s) of history entry ID again (see 'cairn app history'), as argocd app"
          + " rollback does; the Application then shows OutOfSync against its target revision.",
      "Refused while automated sync is enabled, and when the entry was deployed from another"
          + " source than the one in the spec."
    })
final class AppRollbackCommand implements Callable<Integer> {
  static final String AUTO_SYNC = "rollback cannot be initiated when auto-sync is enabled";

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Parameters(index = "1", paramLabel = "ID")
  long id;

  @Option(names = "--prune", description = "Delete what the entry's revision does not have.")
  boolean prune;

  @Option(
      names = "--timeout",
      defaultValue = "5m",
      paramLabel = "DURATION",
      description = "How long to wait for the sync (default: ${DEFAULT-VALUE}).",
      converter = DurationConverter.class)
  Duration timeout;

  @Mixin ClusterOptions cluster;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    try (KubernetesClient client = cluster.client()) {
      ApplicationOperation operation = new ApplicationOperation(client, cluster.namespace(), name);
      Application app = operation.get();
      if (app.getSpec().automated() != null) {
        throw new CliException(ExitCode.FAILED, AUTO_SYNC);
      }
      RevisionHistory entry = entry(app);
      checkSameSources(app, entry);
      boolean multi = app.getSpec().multiSource();
      SyncOperation sync =
          new SyncOperation(
              multi ? null : entry.revision(),
              multi ? entry.revisions() : null,
              prune ? Boolean.TRUE : null,
              null,
              null,
              null,
              null);
      spec.commandLine()
          .getErr()
          .println("► rolling back " + name + " to " + AppHistoryCommand.revisions(entry));
      return AppSyncCommand.run(
          operation, sync, timeout, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }

  private RevisionHistory entry(Application app) {
    List<RevisionHistory> history =
        app.getStatus() == null || app.getStatus().getHistory() == null
            ? List.of()
            : app.getStatus().getHistory();
    return history.stream()
        .filter(h -> h.id() != null && h.id() == id)
        .findFirst()
        .orElseThrow(
            () ->
                new CliException(
                    ExitCode.FAILED,
                    "application "
                        + name
                        + " does not have deployment id '"
                        + id
                        + "' in history"));
  }

  /**
   * Argo CD syncs the entry's own source; Cairn's operation carries revisions only, so an entry
   * deployed from another repository, path or chart is refused rather than synced from the wrong
   * one.
   */
  private void checkSameSources(Application app, RevisionHistory entry) {
    List<ApplicationSource> then =
        entry.sources() != null
            ? entry.sources()
            : entry.source() == null ? List.of() : List.of(entry.source());
    List<ApplicationSource> now = app.getSpec().effectiveSources();
    boolean same = then.size() == now.size();
    for (int i = 0; same && i < then.size(); i++) {
      same = withoutRevision(then.get(i)).equals(withoutRevision(now.get(i)));
    }
    if (!same) {
      throw new CliException(
          ExitCode.FAILED,
          "history entry "
              + id
              + " was deployed from another source than "
              + name
              + "'s spec names; Cairn rolls back only to revisions of the current source(s)");
    }
  }

  private static ApplicationSource withoutRevision(ApplicationSource s) {
    return new ApplicationSource(
        s.repoURL(),
        s.path(),
        null,
        s.helm(),
        s.kustomize(),
        s.directory(),
        s.plugin(),
        s.chart(),
        s.ref(),
        s.name());
  }
}

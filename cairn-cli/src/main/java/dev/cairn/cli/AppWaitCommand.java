package dev.cairn.cli;

import dev.cairn.api.argo.AppHealthStatus;
import dev.cairn.api.argo.AppSyncStatus;
import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.ApplicationStatus;
import dev.cairn.cli.cluster.ClusterOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn app wait NAME [--health] [--sync]}: waits for the Application's state. */
@Command(
    name = "wait",
    description = {
      "Wait until the Application is Healthy (--health) and Synced (--sync); without either flag,"
          + " both, and no operation pending. Prints each change of state.",
      "Exit code: 0 once the state holds, 1 on timeout; Ctrl-C stops the wait (exit 130)."
    })
final class AppWaitCommand implements Callable<Integer> {
  private static final Duration POLL = Duration.ofMillis(500);

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = "--health", description = "Wait for health Healthy.")
  boolean health;

  @Option(names = "--sync", description = "Wait for sync status Synced.")
  boolean sync;

  @Option(
      names = "--timeout",
      defaultValue = "5m",
      paramLabel = "DURATION",
      description = "How long to wait (default: ${DEFAULT-VALUE}).",
      converter = DurationConverter.class)
  Duration timeout;

  @Mixin ClusterOptions cluster;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    boolean both = !health && !sync;
    PrintWriter out = spec.commandLine().getOut();
    Instant deadline = Instant.now().plus(timeout);
    try (KubernetesClient client = cluster.client()) {
      ApplicationOperation reader = new ApplicationOperation(client, cluster.namespace(), name);
      String last = null;
      while (true) {
        Application app = reader.get();
        State state = State.of(app);
        if (!state.line().equals(last)) {
          out.println("► " + name + ": " + state.line());
          out.flush();
          last = state.line();
        }
        if ((!(health || both) || state.healthy())
            && (!(sync || both) || state.synced())
            && (!both || !state.operationPending())) {
          out.println("✔ " + name + " is " + want(both));
          out.flush();
          return ExitCode.OK;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new CliException(
              ExitCode.FAILED,
              "timed out after "
                  + timeout.toSeconds()
                  + "s waiting for "
                  + name
                  + " to be "
                  + want(both)
                  + " ("
                  + state.line()
                  + ")"
                  + ApplicationOperation.readyMessage(app));
        }
        Thread.sleep(POLL.toMillis());
      }
    }
  }

  private String want(boolean both) {
    if (both) {
      return "Synced and Healthy";
    }
    return health && sync ? "Synced and Healthy" : health ? "Healthy" : "Synced";
  }

  /** What the wait looks at, read from the status. */
  record State(String syncStatus, String healthStatus, boolean operationPending) {
    static State of(Application app) {
      ApplicationStatus status = app.getStatus();
      String syncStatus =
          status == null || status.getSync() == null
              ? AppSyncStatus.UNKNOWN
              : Objects.toString(status.getSync().status(), AppSyncStatus.UNKNOWN);
      String healthStatus =
          status == null || status.getHealth() == null
              ? AppHealthStatus.UNKNOWN
              : Objects.toString(status.getHealth().status(), AppHealthStatus.UNKNOWN);
      return new State(syncStatus, healthStatus, app.getOperation() != null);
    }

    boolean healthy() {
      return AppHealthStatus.HEALTHY.equals(healthStatus);
    }

    boolean synced() {
      return AppSyncStatus.SYNCED.equals(syncStatus);
    }

    String line() {
      return "sync "
          + syncStatus
          + ", health "
          + healthStatus
          + (operationPending ? ", operation pending" : "");
    }
  }
}

package dev.cairn.cli;

import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.OperationState;
import dev.cairn.api.argo.SyncOperation;
import dev.cairn.api.argo.SyncOperationResource;
import dev.cairn.cli.cluster.ClusterOptions;
import dev.cairn.cli.output.SyncResultTable;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn app sync NAME}: requests a sync as {@code argocd app sync} does and waits for it.
 */
@Command(
    name = "sync",
    description = {
      "Sync an Application now: writes its 'operation' (as argocd app sync does), waits for the"
          + " controller to run it and prints what it did to each resource.",
      "Refused while another operation is pending. Exit code: 0 when the sync succeeded, 1 when it"
          + " failed or timed out."
    })
final class AppSyncCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = "--prune", description = "Delete what the last sync left and Git no longer has.")
  boolean prune;

  @Option(
      names = "--dry-run",
      description = "Show what the sync would do (created, configured, unchanged); change nothing.")
  boolean dryRun;

  @Option(
      names = "--resource",
      paramLabel = "GROUP:KIND:NAME",
      description =
          "Sync only this resource (repeatable; GROUP empty for the core group, e.g."
              + " ':ConfigMap:web'; NAMESPACE/NAME selects one namespace). No hook runs.")
  List<String> resources = new ArrayList<>();

  @Option(
      names = "--revision",
      paramLabel = "REV",
      description = "Sync this revision (commit, tag, branch) instead of the target revision.")
  String revision;

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
    List<SyncOperationResource> selected = resources.stream().map(AppSyncCommand::parse).toList();
    try (KubernetesClient client = cluster.client()) {
      ApplicationOperation operation = new ApplicationOperation(client, cluster.namespace(), name);
      Application app = operation.get();
      if (revision != null && app.getSpec().multiSource()) {
        throw new CliException(
            ExitCode.USAGE,
            "--revision: "
                + name
                + " has several sources; Cairn takes no per-source revision here");
      }
      SyncOperation sync =
          new SyncOperation(
              revision,
              null,
              prune ? Boolean.TRUE : null,
              dryRun ? Boolean.TRUE : null,
              selected.isEmpty() ? null : selected,
              null,
              null);
      return run(
          operation, sync, timeout, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }

  /** Requests {@code sync}, waits, prints the result; 0 when it succeeded. */
  static int run(
      ApplicationOperation operation,
      SyncOperation sync,
      Duration timeout,
      PrintWriter out,
      PrintWriter err)
      throws InterruptedException {
    OperationState before = operation.request(sync);
    OperationState state = operation.await(before, timeout, line -> err.println("► " + line));
    SyncResultTable.print(out, operation.get(), state);
    out.flush();
    if (!OperationState.SUCCEEDED.equals(state.phase())) {
      throw new CliException(ExitCode.FAILED, "sync " + state.phase() + ": " + state.message());
    }
    return ExitCode.OK;
  }

  /** {@code GROUP:KIND:NAME} or {@code GROUP:KIND:NAMESPACE/NAME}, as argocd's --resource. */
  static SyncOperationResource parse(String value) {
    String[] parts = value.split(":", -1);
    if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
      throw new CliException(
          ExitCode.USAGE,
          "--resource '" + value + "': expected GROUP:KIND:NAME (e.g. apps:Deployment:web)");
    }
    String nameOrNamespaced = parts[2];
    int slash = nameOrNamespaced.indexOf('/');
    String namespace = slash < 0 ? null : nameOrNamespaced.substring(0, slash);
    String resourceName = slash < 0 ? nameOrNamespaced : nameOrNamespaced.substring(slash + 1);
    return new SyncOperationResource(parts[0], parts[1], resourceName, namespace);
  }
}

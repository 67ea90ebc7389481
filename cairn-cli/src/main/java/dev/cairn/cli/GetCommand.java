package dev.cairn.cli;

import dev.cairn.cli.cluster.CairnKind;
import dev.cairn.cli.cluster.CairnObjects;
import dev.cairn.cli.cluster.ClusterOptions;
import dev.cairn.cli.cluster.ObjectStatus;
import dev.cairn.cli.output.ApplicationTable;
import dev.cairn.cli.output.OutputOptions;
import dev.cairn.cli.output.StatusTable;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn get all|sources|kustomizations|helmreleases|images|providers|alerts|receivers|KIND}:
 * status of Cairn objects.
 */
@Command(
    name = "get",
    description = {
      "Show Cairn objects with their revision, suspension and readiness, like 'flux get'.",
      "WHAT: all, sources, kustomizations (ks), helmreleases (hr), applications (app),"
          + " appprojects (appproj), applicationsets (appset), images (image repositories,"
          + " policies and automations with their latest picks), providers, alerts, receivers,"
          + " or one kind (gitrepositories, helmrepositories, helmcharts, ocirepositories,"
          + " imagerepositories, imagepolicies, imageupdateautomations)."
    })
final class GetCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "WHAT", description = "What to show.")
  String what;

  @Mixin ClusterOptions cluster;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<CairnKind> kinds = kinds(what);
    try (KubernetesClient client = cluster.client()) {
      List<ObjectStatus> rows = new CairnObjects(client).list(kinds, cluster.scope());
      if (rows.isEmpty() && output.format() == dev.cairn.cli.output.OutputFormat.table) {
        spec.commandLine()
            .getErr()
            .println(
                "no "
                    + what
                    + " found in "
                    + (cluster.allNamespaces()
                        ? "any namespace"
                        : "namespace " + cluster.namespace()));
        return ExitCode.OK;
      }
      if (kinds.equals(List.of(CairnKind.Application))
          && output.format() == dev.cairn.cli.output.OutputFormat.table) {
        ApplicationTable.print(
            spec.commandLine().getOut(), output.printer(), rows, cluster.allNamespaces());
        return ExitCode.OK;
      }
      StatusTable.print(
          spec.commandLine().getOut(),
          output.printer(),
          rows,
          cluster.allNamespaces(),
          kinds.size() > 1);
    }
    return ExitCode.OK;
  }

  static List<CairnKind> kinds(String what) {
    return switch (what.toLowerCase(java.util.Locale.ROOT)) {
      case "all" -> Arrays.asList(CairnKind.values());
      case "sources", "source" -> CairnKind.sources();
      case "images", "image" -> CairnKind.images();
      default -> List.of(CairnKind.require(what));
    };
  }
}

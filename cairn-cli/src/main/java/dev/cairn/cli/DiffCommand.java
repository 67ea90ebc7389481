package dev.cairn.cli;

import dev.cairn.cli.cluster.CairnKind;
import dev.cairn.cli.cluster.CairnObjectRef;
import dev.cairn.cli.cluster.ClusterOptions;
import dev.cairn.cli.cluster.KustomizationPreview;
import dev.cairn.cli.cluster.KustomizationPreview.ObjectDiff;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn diff kustomization NAME --path DIR}: what applying DIR would change. */
@Command(
    name = "diff",
    description = {
      "Render DIR as the controller renders the live Kustomization NAME and show, per object,"
          + " a unified diff against the cluster (Secret values masked).",
      "Exit code: 0 when the cluster matches, 1 when something would change."
    })
final class DiffCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "KIND", description = "kustomization (ks).")
  String kind;

  @Parameters(index = "1", paramLabel = "NAME")
  String name;

  @Option(names = "--path", required = true, paramLabel = "DIR", description = "Local directory.")
  Path path;

  @Mixin ClusterOptions cluster;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CairnObjectRef ref = new CairnObjectRef(kustomization(kind), cluster.namespace(), name);
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient client = cluster.client()) {
      List<ObjectDiff> diffs = new KustomizationPreview(client).diff(ref, path);
      int changed = 0;
      for (ObjectDiff diff : diffs) {
        if (!diff.diff().isEmpty()) {
          changed++;
          out.print(diff.diff().endsWith("\n") ? diff.diff() : diff.diff() + "\n");
        }
      }
      out.flush();
      spec.commandLine()
          .getErr()
          .println(
              changed == 0
                  ? "no changes: the cluster matches " + path
                  : changed + " of " + diffs.size() + " objects would change");
      return changed == 0 ? ExitCode.OK : ExitCode.FAILED;
    }
  }

  static CairnKind kustomization(String kind) {
    CairnKind parsed = CairnKind.require(kind);
    if (parsed != CairnKind.Kustomization) {
      throw new CliException(
          ExitCode.USAGE, "only Kustomizations can be rendered from a directory");
    }
    return parsed;
  }
}

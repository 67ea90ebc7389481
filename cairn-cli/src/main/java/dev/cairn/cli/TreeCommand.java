package dev.cairn.cli;

import dev.cairn.cli.cluster.CairnKind;
import dev.cairn.cli.cluster.CairnObjectRef;
import dev.cairn.cli.cluster.CairnObjects;
import dev.cairn.cli.cluster.ClusterOptions;
import dev.cairn.cli.cluster.InventoryTree;
import dev.cairn.cli.output.OutputFormat;
import dev.cairn.cli.output.OutputOptions;
import dev.cairn.cli.output.TreePrinter;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn tree kustomization NAME}: what an object applied, nested objects expanded. */
@Command(
    name = "tree",
    description = "Show the objects a Kustomization (or HelmRelease) applied, as a tree.")
final class TreeCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "KIND",
      description = "kustomization (ks) or helmrelease (hr).")
  String kind;

  @Parameters(index = "1", paramLabel = "NAME")
  String name;

  @Mixin ClusterOptions cluster;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CairnKind parsed = CairnKind.require(kind);
    if (parsed != CairnKind.Kustomization && parsed != CairnKind.HelmRelease) {
      throw new CliException(
          ExitCode.USAGE, "tree shows Kustomizations and HelmReleases, not " + parsed);
    }
    CairnObjectRef ref = new CairnObjectRef(parsed, cluster.namespace(), name);
    try (KubernetesClient client = cluster.client()) {
      CairnObjects objects = new CairnObjects(client);
      objects.get(ref);
      InventoryTree.Node root = new InventoryTree(objects).of(ref);
      if (output.format() == OutputFormat.table) {
        TreePrinter.print(spec.commandLine().getOut(), root);
      } else {
        output
            .printer()
            .print(spec.commandLine().getOut(), List.of(), List.of(root), n -> List.of());
      }
    }
    return ExitCode.OK;
  }
}

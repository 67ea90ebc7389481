package dev.cairn.cli;

import dev.cairn.cli.cluster.CairnObjectRef;
import dev.cairn.cli.cluster.ClusterOptions;
import dev.cairn.cli.cluster.KustomizationPreview;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn build kustomization NAME --path DIR}: the controller's rendering of DIR. */
@Command(
    name = "kustomization",
    aliases = "ks",
    description =
        "Render DIR exactly as the controller would for the live Kustomization NAME (its"
            + " overlays, substitution from the cluster) and print the objects as YAML.")
final class BuildKustomizationCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = "--path", required = true, paramLabel = "DIR", description = "Local directory.")
  Path path;

  @Mixin ClusterOptions cluster;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CairnObjectRef ref =
        new CairnObjectRef(
            dev.cairn.cli.cluster.CairnKind.Kustomization, cluster.namespace(), name);
    try (KubernetesClient client = cluster.client()) {
      spec.commandLine().getOut().print(new KustomizationPreview(client).render(ref, path).yaml());
      spec.commandLine().getOut().flush();
    }
    return ExitCode.OK;
  }
}

package dev.cairn.cli;

import dev.cairn.cli.cluster.ClusterOptions;
import dev.cairn.cli.install.InstallSettings;
import dev.cairn.cli.install.Uninstaller;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn uninstall}: removes the controller and, unless kept, its CRDs and objects. */
@Command(
    name = "uninstall",
    description =
        "Remove Cairn from the cluster. By default Cairn's objects are deleted first, so the"
            + " controller prunes what they applied; then the controller, then the CRDs.")
final class UninstallCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Option(
      names = "--keep-crds",
      description =
          "Keep the CRDs and Cairn's objects (Kustomizations, sources...); a later"
              + " install takes them over.")
  boolean keepCrds;

  @Option(
      names = "--keep-managed",
      description =
          "Leave every object Cairn applied in place (Cairn's own objects are released,"
              + " not pruned).")
  boolean keepManaged;

  @Option(
      names = "--timeout",
      defaultValue = "5m",
      converter = DurationConverter.class,
      description =
          "How long to wait for Cairn's objects to be pruned and gone"
              + " (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() {
    InstallSettings settings =
        InstallSettings.defaults(CairnVersion.version()).withNamespace(cluster.namespace());
    try (KubernetesClient client = cluster.client()) {
      new Uninstaller(client, spec.commandLine().getOut())
          .uninstall(settings, new Uninstaller.Keep(keepCrds, keepManaged, timeout));
    }
    return ExitCode.OK;
  }
}

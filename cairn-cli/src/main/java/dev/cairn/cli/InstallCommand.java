package dev.cairn.cli;

import dev.cairn.cli.cluster.ClusterOptions;
import dev.cairn.cli.install.InstallManifests;
import dev.cairn.cli.install.InstallSettings;
import dev.cairn.cli.install.Installer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn install}: applies Cairn's CRDs and controller to the cluster server-side and waits
 * until it is ready; {@code --export} prints the same objects instead (for {@code kubectl apply
 * --server-side -f -} or a GitOps repository).
 */
@Command(
    name = "install",
    description = "Install Cairn into the cluster (or print its manifests with --export).")
final class InstallCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--export", description = "Print the manifests instead of applying them.")
  boolean export;

  @Mixin InstallFlags flags;

  @Mixin ClusterOptions cluster;

  @Option(
      names = "--timeout",
      defaultValue = "5m",
      converter = DurationConverter.class,
      description =
          "How long to wait for the controller to be ready; 0 does not wait"
              + " (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() {
    InstallSettings settings = flags.settings(cluster.namespace());
    if (export) {
      spec.commandLine().getOut().print(InstallManifests.yaml(settings));
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }
    try (KubernetesClient client = cluster.client()) {
      new Installer(client, spec.commandLine().getOut()).install(settings, timeout);
    }
    return ExitCode.OK;
  }
}

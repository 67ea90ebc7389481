package dev.cairn.cli;

import dev.cairn.cli.install.ControllerArgs;
import dev.cairn.cli.install.InstallSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code cairn install} and {@code cairn uninstall} put in the manifests. */
final class InstallFlags {
  @Option(
      names = "--image",
      paramLabel = "IMAGE",
      description = "The controller image (default: ghcr.io/cairn-dev/cairn:<this version>).")
  String image;

  @Option(
      names = "--replicas",
      defaultValue = "1",
      description =
          "Controller replicas; one leads through a Lease, more than one adds a"
              + " PodDisruptionBudget (default: ${DEFAULT-VALUE}).")
  int replicas;

  @Option(
      names = "--log-level",
      defaultValue = "info",
      description = "The controller's --log-level (default: ${DEFAULT-VALUE}).")
  String logLevel;

  @Mixin TenancyFlags tenancy;

  @Option(
      names = "--watch-label-selector",
      paramLabel = "SELECTOR",
      description =
          "The controller reconciles only objects whose labels match, e.g."
              + " '!sharding.fluxcd.io/key' for the main instance of a sharded installation"
              + " (default: every object).")
  String watchLabelSelector;

  InstallSettings settings(String namespace) {
    InstallSettings settings =
        InstallSettings.defaults(CairnVersion.version())
            .withNamespace(namespace)
            .withReplicas(replicas)
            .withLogLevel(logLevel)
            .withControllerArgs(new ControllerArgs(tenancy.controllerArgs(), watchLabelSelector));
    return image == null ? settings : settings.withImage(image);
  }
}

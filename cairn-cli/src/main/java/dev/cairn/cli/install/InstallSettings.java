package dev.cairn.cli.install;

import java.util.Objects;

/**
 * What varies between installations.
 *
 * @param namespace where the controller, its ServiceAccount, Lease and sealing keys live
 * @param image the controller image (repository:tag)
 * @param replicas how many controller Pods; more than one adds a PodDisruptionBudget, and the Lease
 *     makes one of them the leader
 * @param logLevel the controller's {@code --log-level}
 * @param controllerArgs the controller's tenancy flags and label selector
 */
public record InstallSettings(
    String namespace, String image, int replicas, String logLevel, ControllerArgs controllerArgs) {
  /** The uid and gid the controller runs as (the image's user; any fixed non-root number). */
  public static final long UID = 65532;

  public InstallSettings {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(logLevel, "logLevel");
    controllerArgs = controllerArgs == null ? ControllerArgs.none() : controllerArgs;
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas must be at least 1, was " + replicas);
    }
  }

  /** Without tenancy flags or label selector. */
  public InstallSettings(String namespace, String image, int replicas, String logLevel) {
    this(namespace, image, replicas, logLevel, ControllerArgs.none());
  }

  /** {@code cairn-system}, the image of this version, one replica, log level info. */
  public static InstallSettings defaults(String version) {
    return new InstallSettings("cairn-system", "ghcr.io/cairn-dev/cairn:" + version, 1, "info");
  }

  public InstallSettings withNamespace(String value) {
    return new InstallSettings(value, image, replicas, logLevel, controllerArgs);
  }

  public InstallSettings withImage(String value) {
    return new InstallSettings(namespace, value, replicas, logLevel, controllerArgs);
  }

  public InstallSettings withReplicas(int value) {
    return new InstallSettings(namespace, image, value, logLevel, controllerArgs);
  }

  public InstallSettings withLogLevel(String value) {
    return new InstallSettings(namespace, image, replicas, value, controllerArgs);
  }

  public InstallSettings withControllerArgs(ControllerArgs value) {
    return new InstallSettings(namespace, image, replicas, logLevel, value);
  }
}

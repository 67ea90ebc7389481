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
 */
public record InstallSettings(String namespace, String image, int replicas, String logLevel) {
  /** The uid and gid the controller runs as (the image's user; any fixed non-root number). */
  public static final long UID = 65532;

  public InstallSettings {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(logLevel, "logLevel");
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas must be at least 1, was " + replicas);
    }
  }

  /** {@code cairn-system}, the image of this version, one replica, log level info. */
  public static InstallSettings defaults(String version) {
    return new InstallSettings("cairn-system", "ghcr.io/cairn-dev/cairn:" + version, 1, "info");
  }

  public InstallSettings withNamespace(String value) {
    return new InstallSettings(value, image, replicas, logLevel);
  }

  public InstallSettings withImage(String value) {
    return new InstallSettings(namespace, value, replicas, logLevel);
  }

  public InstallSettings withReplicas(int value) {
    return new InstallSettings(namespace, image, value, logLevel);
  }

  public InstallSettings withLogLevel(String value) {
    return new InstallSettings(namespace, image, replicas, value);
  }
}

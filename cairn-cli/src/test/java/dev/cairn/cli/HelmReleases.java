package dev.cairn.cli;

/** Whether this build has the HelmRelease reconciler, which {@code examples/fleet} needs. */
final class HelmReleases {
  private HelmReleases() {}

  static boolean available() {
    try {
      Class.forName("dev.cairn.engine.helm.HelmReleaseReconciler");
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}

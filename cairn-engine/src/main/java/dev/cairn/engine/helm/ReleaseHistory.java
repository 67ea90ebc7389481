package dev.cairn.engine.helm;

import dev.cairn.api.helm.Snapshot;
import dev.cairn.render.helm.HelmRender;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code status.history} in Flux's {@code Snapshot} shape, newest first, from the stored revisions:
 * chart name, version and appVersion, {@code configDigest} (the user-supplied values), {@code
 * digest} (the manifest), status, version and times.
 */
final class ReleaseHistory {
  /** Flux's default {@code maxHistory}. */
  static final int DEFAULT_MAX = 5;

  private ReleaseHistory() {}

  static List<Snapshot> snapshots(List<ReleaseRecord> oldestFirst, int max) {
    List<Snapshot> out = new ArrayList<>();
    for (int i = oldestFirst.size() - 1; i >= 0 && (max <= 0 || out.size() < max); i--) {
      ReleaseRecord r = oldestFirst.get(i);
      out.add(
          new Snapshot(
              "v2",
              HelmRender.digest(r.manifest()),
              r.name(),
              r.namespace(),
              r.version(),
              r.status(),
              r.chartName(),
              r.chartVersion(),
              r.appVersion().isEmpty() ? null : r.appVersion(),
              ValuesStep.digest(r.config()),
              r.firstDeployed(),
              r.lastDeployed(),
              null,
              null,
              null,
              action(r)));
    }
    return out;
  }

  private static String action(ReleaseRecord r) {
    String d = r.description();
    if (d.startsWith("Rollback")) {
      return "rollback";
    }
    if (d.startsWith("Upgrade")) {
      return "upgrade";
    }
    return d.startsWith("Install") || d.startsWith("Initial") ? "install" : null;
  }
}

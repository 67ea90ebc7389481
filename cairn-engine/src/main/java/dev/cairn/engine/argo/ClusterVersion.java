package dev.cairn.engine.argo;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Supplier;

/** The cluster's version for Helm's capabilities, read once and kept; null while unreadable. */
public final class ClusterVersion implements Supplier<String> {
  private final KubernetesClient client;
  private volatile String value;

  public ClusterVersion(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public String get() {
    String v = value;
    if (v == null) {
      try {
        v = client.getKubernetesVersion().getGitVersion();
        value = v;
      } catch (RuntimeException e) {
        return null;
      }
    }
    return v;
  }
}

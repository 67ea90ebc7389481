package dev.cairn.engine.cluster;

import dev.cairn.apply.ClusterClient;
import dev.cairn.apply.ResourceManager;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The cluster a Kustomization's or HelmRelease's objects go to and the identity they are written
 * with: the home cluster as the controller, the home cluster impersonating {@code
 * serviceAccountName}, or a remote cluster from {@code kubeConfig.secretRef}. Apply, prune, health
 * checks (and a release's Helm storage) use it; the object's own status always stays on the home
 * cluster. Made by {@link ClusterTargets}.
 *
 * @param description for messages, e.g. {@code the home cluster as system:serviceaccount:ns:sa}
 * @param owned whether closing this target closes its client and manager (per-run remote targets)
 */
public record ClusterTarget(
    String description,
    KubernetesClient client,
    ClusterClient cluster,
    ResourceManager manager,
    boolean owned)
    implements AutoCloseable {

  @Override
  public void close() {
    if (owned) {
      manager.close();
      client.close();
    }
  }
}

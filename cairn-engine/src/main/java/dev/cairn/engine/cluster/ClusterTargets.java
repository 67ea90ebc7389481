package dev.cairn.engine.cluster;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.KubeConfigReference;
import dev.cairn.api.SecretKeyReference;
import dev.cairn.apply.ClusterClient;
import dev.cairn.apply.Fabric8ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.ReconcileException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the {@link ClusterTarget} of an object from its namespace, {@code serviceAccountName} and
 * {@code kubeConfig}. Without both that is the home cluster as the controller. With {@code
 * serviceAccountName} every request carries {@code Impersonate-User:
 * system:serviceaccount:<namespace>:<name>} (one derived client per account, kept). With {@code
 * kubeConfig.secretRef} a client for the remote cluster is built from the Secret key ({@code
 * spec.kubeConfig.secretRef.key}, else {@code value}, else {@code value.yaml}, as Flux reads it)
 * for one run only. Secret contents never reach a message. Shared by the Kustomization and
 * HelmRelease kinds.
 */
public final class ClusterTargets {
  static final List<String> DEFAULT_KUBECONFIG_KEYS = List.of("value", "value.yaml");

  private final KubernetesClient home;
  private final ClusterTarget asController;
  private final Map<String, ClusterTarget> impersonating = new ConcurrentHashMap<>();

  public ClusterTargets(KubernetesClient home, ResourceManager manager, ClusterClient cluster) {
    this.home = home;
    this.asController = new ClusterTarget("the home cluster", home, cluster, manager, false);
  }

  /**
   * The target of an object in {@code namespace} with these fields (either may be null); close it
   * after use.
   */
  public ClusterTarget open(
      String namespace, String serviceAccountName, KubeConfigReference kubeConfig) {
    String user = userOf(namespace, serviceAccountName);
    if (kubeConfig != null) {
      return remote(namespace, kubeConfig, user);
    }
    if (user == null) {
      return asController;
    }
    return impersonating.computeIfAbsent(
        user,
        u -> {
          KubernetesClient derived =
              home.newClient(
                      new RequestConfigBuilder(home.getConfiguration().getRequestConfig())
                          .withImpersonateUsername(u)
                          .build())
                  .adapt(KubernetesClient.class);
          ClusterClient cluster = new Fabric8ClusterClient(derived);
          return new ClusterTarget(
              "the home cluster as " + u, derived, cluster, new ResourceManager(cluster), false);
        });
  }

  /** Stops the managers of the impersonating targets. */
  public void close() {
    impersonating.values().forEach(t -> t.manager().close());
    impersonating.clear();
  }

  public static String userOf(String namespace, String serviceAccountName) {
    if (serviceAccountName == null || serviceAccountName.isBlank()) {
      return null;
    }
    return "system:serviceaccount:" + namespace + ":" + serviceAccountName;
  }

  private ClusterTarget remote(String namespace, KubeConfigReference ref, String user) {
    SecretKeyReference secretRef = ref.secretRef();
    if (secretRef == null) {
      throw new ReconcileException.Stalled(
          ConditionReasons.RECONCILIATION_FAILED,
          "kubeConfig.configMapRef is not supported; use kubeConfig.secretRef");
    }
    String where = "Secret '" + namespace + "/" + secretRef.name() + "'";
    Secret secret;
    try {
      secret = home.secrets().inNamespace(namespace).withName(secretRef.name()).get();
    } catch (KubernetesClientException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.RECONCILIATION_FAILED,
          "cannot read kubeconfig " + where + ": HTTP " + e.getCode());
    }
    if (secret == null) {
      throw new ReconcileException.Failed(
          ConditionReasons.RECONCILIATION_FAILED, "kubeconfig " + where + " not found");
    }
    List<String> keys =
        secretRef.key() == null || secretRef.key().isBlank()
            ? DEFAULT_KUBECONFIG_KEYS
            : List.of(secretRef.key());
    String kubeconfig = null;
    for (String key : keys) {
      kubeconfig = value(secret, key);
      if (kubeconfig != null) {
        break;
      }
    }
    if (kubeconfig == null) {
      throw new ReconcileException.Failed(
          ConditionReasons.RECONCILIATION_FAILED,
          "kubeconfig " + where + " has no key " + String.join(" or ", keys));
    }
    Config config;
    try {
      config = Config.fromKubeconfig(kubeconfig);
    } catch (RuntimeException e) {
      // the parser's message may quote the kubeconfig, which holds credentials
      throw new ReconcileException.Failed(
          ConditionReasons.RECONCILIATION_FAILED, "kubeconfig in " + where + " cannot be parsed");
    }
    if (user != null) {
      config.setImpersonateUsername(user);
    }
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    ClusterClient cluster = new Fabric8ClusterClient(client);
    String description = "the cluster of kubeconfig " + where + (user == null ? "" : " as " + user);
    return new ClusterTarget(description, client, cluster, new ResourceManager(cluster), true);
  }

  private static String value(Secret secret, String key) {
    if (secret.getData() != null && secret.getData().get(key) != null) {
      return new String(
          Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
    if (secret.getStringData() != null) {
      return secret.getStringData().get(key);
    }
    return null;
  }
}

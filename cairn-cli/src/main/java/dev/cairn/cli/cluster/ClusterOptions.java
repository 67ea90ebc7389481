package dev.cairn.cli.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The shared {@code --kubeconfig}, {@code --context}, {@code -n/--namespace}, {@code
 * -A/--all-namespaces} and {@code --as}/{@code --as-group} flags, and the client they select.
 * Without flags, the current context of {@code KUBECONFIG} or {@code ~/.kube/config} is used, as
 * kubectl does.
 */
public final class ClusterOptions {

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "Path to the kubeconfig file (default: $KUBECONFIG or ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context.")
  String context;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "The namespace (default: the context's, else cairn-system).")
  String namespace;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "Every namespace.")
  boolean allNamespaces;

  @Option(
      names = "--as",
      paramLabel = "USER",
      description = "Act as this user (impersonation), as kubectl --as does.")
  String as;

  @Option(
      names = "--as-group",
      paramLabel = "GROUP",
      description = "Act as a member of this group (repeatable; with --as).")
  String[] asGroups;

  private Config config;

  public boolean allNamespaces() {
    return allNamespaces;
  }

  /** The namespace to work in: {@code -n}, else the context's namespace, else cairn-system. */
  public String namespace() {
    if (namespace != null) {
      return namespace;
    }
    String fromContext = config().getNamespace();
    return fromContext == null || fromContext.isBlank() || "default".equals(fromContext)
        ? "cairn-system"
        : fromContext;
  }

  /** {@code null} with {@code -A}, else {@link #namespace()}. */
  public String scope() {
    return allNamespaces ? null : namespace();
  }

  public Config config() {
    if (config == null) {
      if (kubeconfig != null) {
        if (!Files.isRegularFile(kubeconfig)) {
          throw new IllegalArgumentException(kubeconfig + ": no such kubeconfig file");
        }
        config = Config.fromKubeconfig(context, kubeconfig.toFile());
      } else {
        config = Config.autoConfigure(context);
      }
      config.setRequestRetryBackoffLimit(1);
      if (as != null) {
        config.setImpersonateUsername(as);
        config.setImpersonateGroups(asGroups == null ? new String[0] : asGroups);
      }
    }
    return config;
  }

  public KubernetesClient client() {
    return new KubernetesClientBuilder().withConfig(config()).build();
  }
}

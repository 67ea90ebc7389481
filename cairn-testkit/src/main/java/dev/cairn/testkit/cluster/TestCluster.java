package dev.cairn.testkit.cluster;

import dev.cairn.sim.cluster.Faults;
import dev.cairn.sim.cluster.ReadinessSimulator;
import dev.cairn.sim.cluster.RequestCounter;
import dev.cairn.sim.cluster.SimulatedCluster;
import dev.cairn.sim.cluster.SimulatedClusterOptions;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The cluster a test class runs against: a {@link SimulatedCluster}, or — when the environment
 * variable {@code KUBECONFIG} is set — the real cluster it names. Request counts and the readiness
 * simulator exist only on the simulated one; tests that need them are skipped on a real cluster.
 * Use {@link #createNamespace(String)} so that tests stay isolated on a shared real cluster.
 */
public final class TestCluster implements AutoCloseable {
  private final SimulatedCluster simulated;
  private final KubernetesClient client;
  private final List<String> namespaces = new ArrayList<>();
  private boolean closed;

  private TestCluster(SimulatedCluster simulated, KubernetesClient client) {
    this.simulated = simulated;
    this.client = client;
  }

  /**
   * Starts a simulated cluster, or connects to the cluster of {@code KUBECONFIG} if it is set. Call
   * once per test class (e.g. in {@code @BeforeAll}) and close it afterwards.
   */
  public static TestCluster forClass() {
    return forClass(SimulatedClusterOptions.defaults());
  }

  /** As {@link #forClass()}, with options for the simulated cluster. */
  public static TestCluster forClass(SimulatedClusterOptions options) {
    String kubeconfig = System.getenv("KUBECONFIG");
    if (kubeconfig != null && !kubeconfig.isBlank()) {
      return new TestCluster(null, new KubernetesClientBuilder().build());
    }
    SimulatedCluster cluster = SimulatedCluster.start(options);
    return new TestCluster(cluster, cluster.client());
  }

  public KubernetesClient client() {
    return client;
  }

  public boolean isSimulated() {
    return simulated != null;
  }

  /** The simulated cluster, empty on a real one. */
  public Optional<SimulatedCluster> simulated() {
    return Optional.ofNullable(simulated);
  }

  /** Request counts; skips the calling test on a real cluster. */
  public RequestCounter requests() {
    return requireSimulated("request counting").requests();
  }

  /** Fault injection (500, 429, timeouts); skips the calling test on a real cluster. */
  public Faults faults() {
    return requireSimulated("fault injection").faults();
  }

  /** The readiness simulator; skips the calling test on a real cluster. */
  public ReadinessSimulator readiness() {
    return requireSimulated("the readiness simulator").readiness();
  }

  private SimulatedCluster requireSimulated(String what) {
    Assumptions.assumeTrue(simulated != null, what + " exists only on the simulated cluster");
    return simulated;
  }

  /** Creates a namespace {@code <prefix>-<random>}, deleted again when this closes. */
  public String createNamespace(String prefix) {
    String name =
        (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    namespaces.add(name);
    return name;
  }

  /**
   * Lets the service account {@code namespace/serviceAccount} do everything to {@code resources}
   * (plural names, any API group; {@code "*"} for all) in its namespace, through a Role and a
   * RoleBinding named {@code <serviceAccount>-access}: what impersonating it is allowed (the
   * cluster enforces RBAC for impersonated identities).
   */
  public void allowServiceAccount(String namespace, String serviceAccount, String... resources) {
    String name = serviceAccount + "-access";
    client
        .rbac()
        .roles()
        .inNamespace(namespace)
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addNewRule()
                .withApiGroups("*")
                .withResources(resources)
                .withVerbs("*")
                .endRule()
                .build())
        .serverSideApply();
    client
        .rbac()
        .roleBindings()
        .inNamespace(namespace)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", name)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(serviceAccount)
                .withNamespace(namespace)
                .endSubject()
                .build())
        .serverSideApply();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (simulated != null) {
      simulated.close();
      return;
    }
    namespaces.forEach(ns -> client.namespaces().withName(ns).delete());
    client.close();
  }
}

package dev.cairn.engine.kustomize;

import static dev.cairn.engine.kustomize.Harness.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.InventoryEntry;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.engine.OwnerLabels;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.cluster.Fault;
import dev.cairn.sim.cluster.FaultRule;
import dev.cairn.sim.cluster.Faults;
import dev.cairn.sim.cluster.RequestCounter.Verb;
import dev.cairn.sim.cluster.SimulatedCluster;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A thousand objects applied while the API server answers 5% of the requests for them with 500
 * (seeded, so a failure repeats): the client retries as {@code cairn controller}'s does (fabric8's
 * default of ten retries; a shorter backoff here, to keep the test quick) and the Kustomization
 * converges with its inventory equal to the cluster.
 */
@ExtendWith(ClusterExtension.class)
class KustomizationNoiseIT {
  private static final int OBJECTS = 1000;
  private static Harness h;
  private static Faults faults;
  private static KubernetesClient client;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    Assumptions.assumeTrue(cluster.isSimulated(), "injects faults into the simulated cluster");
    SimulatedCluster simulated = cluster.simulated().orElseThrow();
    faults = simulated.faults();
    CairnCrdInstaller.installAll(cluster.client());
    Config config = simulated.config();
    config.setRequestRetryBackoffLimit(Config.DEFAULT_REQUEST_RETRY_BACKOFFLIMIT);
    config.setRequestRetryBackoffInterval(10);
    client = new KubernetesClientBuilder().withConfig(config).build();
    h = Harness.start(client);
  }

  @AfterAll
  static void stop() {
    if (h != null) {
      faults.clear();
      h.close();
      client.close();
    }
  }

  @Test
  void aThousandObjectsConvergeUnderFivePercentInternalErrors(TestCluster cluster)
      throws Exception {
    Harness.Fixture f = h.fixture(cluster, "noise");
    f.work().write("app/objects.yaml", configMaps(f.ns(), OBJECTS, "one"));
    String first = f.commit("a thousand ConfigMaps");
    h.createSource(f);
    createKustomization(f);
    Faults.Injected writes = faults.inject(noise(FaultRule.WRITES, 20261207L, f.ns()));
    Faults.Injected reads = faults.inject(noise(FaultRule.READS, 7L, f.ns()));

    KustomizationStatus status = h.sync(f, "app");

    assertThat(ready(status).getStatus()).as(ready(status).getMessage()).isEqualTo("True");
    assertThat(status.getLastAppliedRevision()).contains(first);
    assertThat(inventory(status)).hasSize(OBJECTS).isEqualTo(labelled(f.ns()));
    assertThat(writes.answered()).as("500s on writes").isGreaterThan(OBJECTS / 50);
    assertThat(reads.answered()).as("500s on reads").isPositive();
    faults.clear();

    ConfigMap one = h.client.configMaps().inNamespace(f.ns()).withName("cm-0007").get();
    assertThat(one.getData()).containsEntry("value", "one");
  }

  /** 5% of the requests with these verbs on the namespace's ConfigMaps answered 500. */
  private static FaultRule noise(Set<Verb> verbs, long seed, String namespace) {
    return FaultRule.answer(Fault.internalError())
        .on(verbs)
        .resource("configmaps")
        .namespace(namespace)
        .withProbability(0.05, seed);
  }

  private static String configMaps(String namespace, int count, String value) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-%04d, namespace: %s}\ndata: {value: %s}\n"
                    .formatted(i, namespace, value))
        .collect(Collectors.joining("---\n"));
  }

  private void createKustomization(Harness.Fixture f) {
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: Kustomization
        metadata: {name: app, namespace: %s}
        spec:
          interval: 5m
          sourceRef: {kind: GitRepository, name: repo}
          path: ./app
          prune: true
        """
            .formatted(f.ns());
    h.client
        .resource(h.client.getKubernetesSerialization().unmarshal(yaml, Kustomization.class))
        .create();
  }

  private static Set<String> inventory(KustomizationStatus status) {
    List<String> ids = status.getInventory().entries().stream().map(InventoryEntry::id).toList();
    assertThat(ids).doesNotHaveDuplicates();
    return Set.copyOf(ids);
  }

  private static Set<String> labelled(String namespace) {
    return h
        .client
        .configMaps()
        .inAnyNamespace()
        .withLabels(
            Map.of(
                OwnerLabels.KUSTOMIZATION_NAME,
                "app",
                OwnerLabels.KUSTOMIZATION_NAMESPACE,
                namespace))
        .list()
        .getItems()
        .stream()
        .map(
            cm ->
                InventoryEntry.of(
                        "v1",
                        "ConfigMap",
                        cm.getMetadata().getNamespace(),
                        cm.getMetadata().getName())
                    .id())
        .collect(Collectors.toSet());
  }
}

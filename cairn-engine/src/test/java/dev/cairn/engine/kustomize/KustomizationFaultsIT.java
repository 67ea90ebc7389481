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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API server fails while a Kustomization applies and prunes (500, 429 with Retry-After, a hang
 * past the client's timeout): the run reports what failed, the last good objects stay, and once the
 * faults stop the next run converges with the inventory equal to what the cluster holds.
 */
@ExtendWith(ClusterExtension.class)
class KustomizationFaultsIT {
  /** The kinds these tests apply, to find every object carrying a Kustomization's labels. */
  private static final List<List<String>> KINDS =
      List.of(
          List.of("v1", "ConfigMap"),
          List.of("v1", "Namespace"),
          List.of("apiextensions.k8s.io/v1", "CustomResourceDefinition"),
          List.of("faults.example.dev/v1", "Widget"));

  private static Harness h;
  private static Faults faults;
  private static KubernetesClient client;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    Assumptions.assumeTrue(cluster.isSimulated(), "injects faults into the simulated cluster");
    SimulatedCluster simulated = cluster.simulated().orElseThrow();
    faults = simulated.faults();
    // as cairn's command line configures its client: one retry; a request timeout the hangs outlast
    Config config = simulated.config();
    config.setRequestRetryBackoffLimit(1);
    config.setRequestTimeout(2000);
    CairnCrdInstaller.installAll(cluster.client());
    client = new KubernetesClientBuilder().withConfig(config).build();
    h = Harness.start(client);
  }

  @AfterAll
  static void stop() {
    if (h != null) {
      h.close();
      client.close();
    }
  }

  @AfterEach
  void clear() {
    if (faults != null) {
      faults.clear();
    }
  }

  /** The three ways an API server in trouble answers, each a window of its own. */
  private static List<Fault> troubles() {
    return List.of(
        Fault.internalError(),
        Fault.tooManyRequests(Duration.ofSeconds(1)),
        Fault.hang(Duration.ofMillis(3000)));
  }

  @Test
  void faultsDuringAStagedApplyKeepTheLastGoodObjectsAndTheNextRunConverges(TestCluster cluster)
      throws Exception {
    Harness.Fixture f = h.fixture(cluster, "apply-faults");
    String extra = f.ns() + "-x";
    f.work().write("app/crd.yaml", crd("widgets"));
    f.work().write("app/widget.yaml", widget(f.ns(), "w", 1));
    f.work().write("app/namespace.yaml", namespace(extra));
    f.work().write("app/a.yaml", configMap(f.ns(), "a", "one"));
    f.work().write("app/b.yaml", configMap(extra, "b", "one"));
    f.work().write("app/c.yaml", configMap(f.ns(), "c", "one"));
    String first = f.commit("first");
    h.createSource(f);
    createKustomization(f, "app");
    assertConverged(f, "app", h.sync(f, "app"), first);

    f.work().write("app/widget.yaml", widget(f.ns(), "w", 2));
    f.work().write("app/a.yaml", configMap(f.ns(), "a", "two"));
    f.work().write("app/b.yaml", configMap(extra, "b", "two"));
    f.work().delete("app/c.yaml");
    f.work().write("app/d.yaml", configMap(f.ns(), "d", "two"));
    String second = f.commit("second");

    for (Fault trouble : troubles()) {
      Faults.Injected rule =
          faults.inject(
              FaultRule.answer(trouble)
                  .on(Verb.APPLY)
                  .resource("configmaps")
                  .namespace(f.ns())
                  .where(r -> !r.dryRun()));

      KustomizationStatus status = h.sync(f, "app");

      assertThat(rule.answered()).as("%s answered", trouble).isPositive();
      assertThat(ready(status).getStatus()).isEqualTo("False");
      assertThat(ready(status).getMessage())
          .as("the failure names the request that failed (%s)", trouble)
          .contains("ConfigMap")
          .contains(f.ns());
      assertThat(status.getLastAppliedRevision()).contains(first);
      assertThat(data(f.ns(), "a")).isEqualTo("one");
      assertThat(data(f.ns(), "c")).as("nothing is pruned after a failed apply").isEqualTo("one");
      assertThat(data(f.ns(), "d")).isNull();
      assertInventoryIsTheCluster(f, "app", status);
      rule.remove();
    }

    KustomizationStatus status = h.sync(f, "app");

    assertConverged(f, "app", status, second);
    assertThat(data(f.ns(), "a")).isEqualTo("two");
    assertThat(data(extra, "b")).isEqualTo("two");
    assertThat(data(f.ns(), "c")).isNull();
    assertThat(data(f.ns(), "d")).isEqualTo("two");
  }

  @Test
  void faultsDuringPruneKeepWhatWasNotDeletedInTheInventory(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "prune-faults");
    for (String name : List.of("a", "b", "c", "d")) {
      f.work().write("app/" + name + ".yaml", configMap(f.ns(), name, "one"));
    }
    String first = f.commit("first");
    h.createSource(f);
    createKustomization(f, "app");
    assertConverged(f, "app", h.sync(f, "app"), first);

    f.work().delete("app/b.yaml");
    f.work().delete("app/c.yaml");
    f.work().delete("app/d.yaml");
    String second = f.commit("only a stays");

    for (Fault trouble : troubles()) {
      Faults.Injected rule =
          faults.inject(
              FaultRule.answer(trouble)
                  .on(Verb.DELETE)
                  .resource("configmaps")
                  .namespace(f.ns())
                  .where(r -> "c".equals(r.name())));

      KustomizationStatus status = h.sync(f, "app");

      assertThat(rule.answered()).as("%s answered", trouble).isPositive();
      assertThat(ready(status).getStatus()).isEqualTo("False");
      assertThat(ready(status).getMessage())
          .as("the failure names the object whose delete failed (%s)", trouble)
          .contains("prune failed")
          .contains("c");
      assertThat(data(f.ns(), "c")).isEqualTo("one");
      assertThat(data(f.ns(), "a")).isEqualTo("one");
      assertInventoryIsTheCluster(f, "app", status);
      assertThat(ids(status)).anyMatch(id -> id.contains("_c_"));
      rule.remove();
    }

    KustomizationStatus status = h.sync(f, "app");

    assertConverged(f, "app", status, second);
    assertThat(ids(status)).hasSize(1);
    assertThat(data(f.ns(), "c")).isNull();
  }

  @Test
  void aFaultInTheDefinitionsStageAppliesNothingOfTheLaterStages(TestCluster cluster)
      throws Exception {
    Harness.Fixture f = h.fixture(cluster, "crd-faults");
    f.work().write("app/crd.yaml", crd("gadgets"));
    f.work().write("app/gadget.yaml", gadget(f.ns()));
    f.work().write("app/a.yaml", configMap(f.ns(), "a", "one"));
    String first = f.commit("first");
    h.createSource(f);
    createKustomization(f, "app");
    Faults.Injected rule =
        faults.inject(
            FaultRule.answer(Fault.internalError())
                .on(Verb.APPLY)
                .resource("customresourcedefinitions.apiextensions.k8s.io")
                .where(r -> !r.dryRun() && "gadgets.faults.example.dev".equals(r.name())));

    KustomizationStatus status = h.sync(f, "app");

    assertThat(rule.answered()).isPositive();
    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(ready(status).getMessage()).contains("gadgets.faults.example.dev");
    assertThat(data(f.ns(), "a")).isNull();
    assertThat(
            h.client
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("gadgets.faults.example.dev")
                .get())
        .isNull();

    rule.remove();
    status = h.sync(f, "app");

    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(status.getLastAppliedRevision()).contains(first);
    assertThat(data(f.ns(), "a")).isEqualTo("one");
    assertThat(ids(status)).hasSize(3).doesNotHaveDuplicates();
  }

  private void createKustomization(Harness.Fixture f, String name) {
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: Kustomization
        metadata: {name: %s, namespace: %s}
        spec:
          interval: 5m
          sourceRef: {kind: GitRepository, name: repo}
          path: ./app
          prune: true
        """
            .formatted(name, f.ns());
    h.client
        .resource(h.client.getKubernetesSerialization().unmarshal(yaml, Kustomization.class))
        .create();
  }

  private static void assertConverged(
      Harness.Fixture f, String name, KustomizationStatus status, String revision) {
    assertThat(ready(status).getStatus()).as(ready(status).getMessage()).isEqualTo("True");
    assertThat(status.getLastAppliedRevision()).contains(revision);
    assertInventoryIsTheCluster(f, name, status);
  }

  /** No duplicate and no orphan: the inventory lists exactly the objects carrying our labels. */
  static void assertInventoryIsTheCluster(
      Harness.Fixture f, String name, KustomizationStatus status) {
    List<String> inventory = ids(status);
    assertThat(inventory).doesNotHaveDuplicates();
    assertThat(Set.copyOf(inventory)).isEqualTo(labelled(f.ns(), name));
  }

  static List<String> ids(KustomizationStatus status) {
    return status.getInventory() == null
        ? List.of()
        : status.getInventory().entries().stream().map(InventoryEntry::id).toList();
  }

  private static Set<String> labelled(String namespace, String name) {
    Map<String, String> labels =
        Map.of(
            OwnerLabels.KUSTOMIZATION_NAME, name, OwnerLabels.KUSTOMIZATION_NAMESPACE, namespace);
    return KINDS.stream()
        .filter(kind -> served(kind.get(0), kind.get(1)))
        .flatMap(
            kind ->
                h
                    .client
                    .genericKubernetesResources(kind.get(0), kind.get(1))
                    .inAnyNamespace()
                    .withLabels(labels)
                    .list()
                    .getItems()
                    .stream()
                    .map(
                        o ->
                            InventoryEntry.of(
                                    kind.get(0),
                                    kind.get(1),
                                    o.getMetadata().getNamespace(),
                                    o.getMetadata().getName())
                                .id()))
        .collect(Collectors.toSet());
  }

  private static boolean served(String apiVersion, String kind) {
    return h.client.getApiResources(apiVersion) != null
        && h.client.getApiResources(apiVersion).getResources().stream()
            .anyMatch(r -> kind.equals(r.getKind()));
  }

  private static String data(String namespace, String name) {
    ConfigMap cm = h.client.configMaps().inNamespace(namespace).withName(name).get();
    return cm == null ? null : cm.getData().get("value");
  }

  static String configMap(String namespace, String name, String value) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: %s, namespace: %s}
        data: {value: "%s"}
        """
        .formatted(name, namespace, value);
  }

  private static String namespace(String name) {
    return "apiVersion: v1\nkind: Namespace\nmetadata: {name: %s}\n".formatted(name);
  }

  private static String crd(String plural) {
    String kind =
        Character.toUpperCase(plural.charAt(0)) + plural.substring(1, plural.length() - 1);
    return """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: %s.faults.example.dev}
        spec:
          group: faults.example.dev
          scope: Namespaced
          names: {plural: %s, singular: %s, kind: %s}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """
        .formatted(plural, plural, plural.substring(0, plural.length() - 1), kind);
  }

  private static String widget(String namespace, String name, int size) {
    return """
        apiVersion: faults.example.dev/v1
        kind: Widget
        metadata: {name: %s, namespace: %s}
        spec: {size: %d}
        """
        .formatted(name, namespace, size);
  }

  private static String gadget(String namespace) {
    return """
        apiVersion: faults.example.dev/v1
        kind: Gadget
        metadata: {name: g, namespace: %s}
        spec: {size: 1}
        """
        .formatted(namespace);
  }
}

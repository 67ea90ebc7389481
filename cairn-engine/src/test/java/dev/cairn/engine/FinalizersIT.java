package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.cluster.RequestCounter;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The finalizer goes on and comes off in one request when the object the reconciler holds is
 * current, and still lands, without dropping another writer's change, when it is not.
 */
@ExtendWith(ClusterExtension.class)
class FinalizersIT {
  private KubernetesClient client;
  private String ns;
  private Finalizers<Kustomization> finalizers;

  @BeforeEach
  void install(TestCluster cluster) {
    client = cluster.client();
    CairnCrdInstaller.installAll(client);
    ns = cluster.createNamespace("finalizers");
    finalizers = new Finalizers<>(client, Kustomization.class);
  }

  @Test
  void aCurrentObjectGetsTheFinalizerInOnePatch(TestCluster cluster) {
    Kustomization created = create("current");
    RequestCounter requests = cluster.requests();
    requests.reset();

    Kustomization added = finalizers.add(created);

    assertThat(added.getMetadata().getFinalizers()).containsExactly(KindReconciler.FINALIZER);
    assertThat(kustomizationRequests(requests))
        .containsExactlyEntriesOf(Map.of("patch kustomizations.cairn.dev", 1L));
    requests.reset();

    finalizers.remove(added);

    assertThat(kustomizationRequests(requests))
        .containsExactlyEntriesOf(Map.of("patch kustomizations.cairn.dev", 1L));
    assertThat(live("current").getMetadata().getFinalizers()).isNullOrEmpty();
  }

  @Test
  void aStaleObjectGetsTheFinalizerOnTheLiveOneKeepingWhatChangedMeanwhile(TestCluster cluster) {
    Kustomization stale = create("stale");
    client
        .resources(Kustomization.class)
        .inNamespace(ns)
        .withName("stale")
        .edit(
            k -> {
              k.getMetadata()
                  .setFinalizers(new ArrayList<>(java.util.List.of("example.com/other")));
              return k;
            });
    RequestCounter requests = cluster.requests();
    requests.reset();

    Kustomization added = finalizers.add(stale);

    assertThat(kustomizationRequests(requests))
        .as("the conflict, then a read and the patch on the live object")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("patch kustomizations.cairn.dev", 2L, "get kustomizations.cairn.dev", 1L));
    assertThat(added.getMetadata().getFinalizers())
        .containsExactly("example.com/other", KindReconciler.FINALIZER);
    assertThat(live("stale").getMetadata().getFinalizers())
        .containsExactly("example.com/other", KindReconciler.FINALIZER);

    client
        .resources(Kustomization.class)
        .inNamespace(ns)
        .withName("stale")
        .edit(
            k -> {
              k.getMetadata().getAnnotations().put("note", "changed");
              return k;
            });
    finalizers.remove(added);

    Kustomization live = live("stale");
    assertThat(live.getMetadata().getFinalizers()).containsExactly("example.com/other");
    assertThat(live.getMetadata().getAnnotations()).containsEntry("note", "changed");
    client
        .resources(Kustomization.class)
        .inNamespace(ns)
        .withName("stale")
        .edit(
            k -> {
              k.getMetadata().setFinalizers(new ArrayList<>());
              return k;
            });
  }

  @Test
  void removingFromAnObjectAlreadyGoneIsFine() {
    Kustomization created = create("gone");
    client.resources(Kustomization.class).inNamespace(ns).withName("gone").delete();
    org.awaitility.Awaitility.await().until(() -> live("gone") == null);

    finalizers.remove(created);

    assertThat(live("gone")).isNull();
  }

  private Kustomization create(String name) {
    return client
        .resource(
            client
                .getKubernetesSerialization()
                .unmarshal(
                    """
                    apiVersion: cairn.dev/v1
                    kind: Kustomization
                    metadata: {name: %s, namespace: %s, annotations: {note: original}}
                    spec:
                      interval: 10m
                      prune: true
                      sourceRef: {kind: GitRepository, name: repo}
                    """
                        .formatted(name, ns),
                    Kustomization.class))
        .create();
  }

  private Kustomization live(String name) {
    return client.resources(Kustomization.class).inNamespace(ns).withName(name).get();
  }

  private static Map<String, Long> kustomizationRequests(RequestCounter requests) {
    Map<String, Long> counted = new TreeMap<>(requests.snapshot());
    counted.keySet().removeIf(k -> !k.contains(" kustomizations.cairn.dev"));
    return counted;
  }
}

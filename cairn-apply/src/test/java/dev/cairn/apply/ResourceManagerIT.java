package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import dev.cairn.testkit.cluster.TestCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Staged apply, change detection and validation against the simulated cluster. */
class ResourceManagerIT {
  private static TestCluster cluster;
  private static ResourceManager manager;
  private static Fabric8ClusterClient client;

  @BeforeAll
  static void start() {
    cluster = TestCluster.forClass();
    client = new Fabric8ClusterClient(cluster.client());
    manager = new ResourceManager(client);
  }

  @AfterAll
  static void stop() {
    manager.close();
    cluster.close();
  }

  @Test
  void createdThenUnchangedThenConfigured() {
    ApplyOptions options = ApplyOptions.defaults();
    List<KubeObject> first =
        Manifests.read(
            Manifests.namespace("seq") + "---\n" + Manifests.configMap("seq", "settings", "one"));
    ObjectId configMap = first.get(1).id();
    ObjectId namespace = first.get(0).id();

    ChangeSet created = manager.apply(first, options);
    assertThat(created.actionOf(namespace)).contains(Action.CREATED);
    assertThat(created.actionOf(configMap)).contains(Action.CREATED);
    assertThat(
            cluster.client().configMaps().inNamespace("seq").withName("settings").get().getData())
        .containsEntry("key", "one");

    ChangeSet again = manager.apply(first, options);
    assertThat(again.actionOf(namespace)).contains(Action.UNCHANGED);
    assertThat(again.actionOf(configMap)).contains(Action.UNCHANGED);
    assertThat(again.hasChanges()).isFalse();

    List<KubeObject> changed =
        Manifests.read(
            Manifests.namespace("seq") + "---\n" + Manifests.configMap("seq", "settings", "two"));
    ChangeSet configured = manager.apply(changed, options);
    assertThat(configured.actionOf(configMap)).contains(Action.CONFIGURED);
    assertThat(configured.actionOf(namespace)).contains(Action.UNCHANGED);
    assertThat(
            cluster.client().configMaps().inNamespace("seq").withName("settings").get().getData())
        .containsEntry("key", "two");
  }

  @Test
  void steadyStateMakesNoWrites() {
    List<KubeObject> set =
        Manifests.read(
            Manifests.namespace("steady")
                + "---\n"
                + Manifests.configMap("steady", "a", "1")
                + "---\n"
                + Manifests.deployment("steady", "web", 2));
    ApplyOptions options = ApplyOptions.defaults().withLabels(Map.of("cairn.dev/name", "steady"));
    manager.apply(set, options);
    cluster.requests().reset();

    ChangeSet steady = manager.apply(set, options);

    assertThat(steady.withAction(Action.UNCHANGED)).hasSize(3);
    assertThat(cluster.requests().writes()).as(cluster.requests().toString()).isZero();
  }

  @Test
  void steadyStateMakesNoWritesWhenTheServerDefaultsAndCanonicalizes() {
    String workload =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: sized
          namespace: canonical
        spec:
          selector:
            matchLabels:
              app: sized
          template:
            metadata:
              labels:
                app: sized
            spec:
              containers:
              - name: app
                image: nginx
                ports:
                - containerPort: 8080
                resources:
                  requests:
                    cpu: 0.5
                    memory: 1024Mi
                  limits:
                    cpu: 1
                    memory: 1.5Gi
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: sized
          namespace: canonical
        spec:
          selector:
            app: sized
          ports:
          - port: 80
        """;
    List<KubeObject> set = Manifests.read(Manifests.namespace("canonical") + "---\n" + workload);
    ApplyOptions options =
        ApplyOptions.defaults().withLabels(Map.of("cairn.dev/name", "canonical"));
    manager.apply(set, options);
    cluster.requests().reset();

    ChangeSet steady = manager.apply(set, options);

    assertThat(steady.withAction(Action.UNCHANGED)).hasSize(3);
    assertThat(cluster.requests().writes()).as("no dry-run either: " + cluster.requests()).isZero();
  }

  @Test
  void ownershipLabelsAreStampedOnEveryObject() {
    List<KubeObject> set =
        Manifests.read(
            Manifests.namespace("owned") + "---\n" + Manifests.configMap("owned", "c", "x"));
    manager.apply(set, ApplyOptions.defaults().withLabels(Map.of("cairn.dev/name", "apps")));

    assertThat(cluster.client().namespaces().withName("owned").get().getMetadata().getLabels())
        .containsEntry("cairn.dev/name", "apps");
    assertThat(
            cluster
                .client()
                .configMaps()
                .inNamespace("owned")
                .withName("c")
                .get()
                .getMetadata()
                .getLabels())
        .containsEntry("cairn.dev/name", "apps");
  }

  @Test
  void aBrokenObjectAppliesNothingAndIsNamed() {
    List<KubeObject> set =
        Manifests.read(
            Manifests.configMap("default", "fine", "1")
                + "---\n"
                + Manifests.configMap("nowhere", "lost", "1"));
    cluster.requests().reset();

    assertThatThrownBy(() -> manager.apply(set, ApplyOptions.defaults()))
        .isInstanceOfSatisfying(
            ApplyException.class,
            e -> {
              assertThat(e.failures()).hasSize(1);
              assertThat(e.failures().get(0).id().toString()).isEqualTo("ConfigMap/nowhere/lost");
              assertThat(e.getMessage())
                  .contains("ConfigMap/nowhere/lost")
                  .contains("namespaces \"nowhere\" not found");
              assertThat(e.partial().entries()).isEmpty();
            });
    assertThat(cluster.client().configMaps().inNamespace("default").withName("fine").get())
        .isNull();
    assertThat(cluster.requests().count(dev.cairn.sim.cluster.RequestCounter.Verb.APPLY))
        .as("only dry-runs were sent")
        .isEqualTo(2);
  }

  @Test
  void crdAndItsCustomResourceInOneSet() {
    List<KubeObject> set = new ArrayList<>();
    set.addAll(
        Manifests.read(
            """
            apiVersion: stage.test.cairn.dev/v1
            kind: Gadget
            metadata:
              name: first
              namespace: gadgets
            spec:
              size: 3
            """));
    set.addAll(Manifests.read(Manifests.namespace("gadgets")));
    set.addAll(Manifests.read(Manifests.crd("stage.test.cairn.dev", "Gadget", "gadgets")));

    ChangeSet result = manager.apply(set, ApplyOptions.defaults());

    assertThat(result.entries())
        .extracting(e -> e.id().kind())
        .containsExactly("CustomResourceDefinition", "Namespace", "Gadget");
    assertThat(result.withAction(Action.CREATED)).hasSize(3);
    KubeObject gadget =
        client
            .get(new ObjectId("stage.test.cairn.dev", "v1", "Gadget", "gadgets", "first"))
            .orElseThrow();
    assertThat(gadget.node().path("spec").path("size").asInt()).isEqualTo(3);

    assertThat(manager.apply(set, ApplyOptions.defaults()).hasChanges()).isFalse();
  }

  @Test
  void excludedObjectsAreSkipped() {
    KubeObject excluded = Manifests.one(Manifests.configMap("default", "hands-off", "1"));
    excluded.setAnnotation("cairn.dev/reconcile", "disabled");

    ChangeSet result =
        manager.apply(
            List.of(excluded),
            ApplyOptions.defaults().withExclusions(Map.of("cairn.dev/reconcile", "disabled")));

    assertThat(result.actionOf(excluded.id())).contains(Action.SKIPPED);
    assertThat(cluster.client().configMaps().inNamespace("default").withName("hands-off").get())
        .isNull();
  }

  @Test
  void objectsThatNeedTheSetsDefinitionsAreValidatedAfterStageOne() {
    List<KubeObject> set = new ArrayList<>();
    set.addAll(Manifests.read(Manifests.crd("late.test.cairn.dev", "Doohickey", "doohickeys")));
    set.addAll(Manifests.read(Manifests.configMap("default", "after-stage-one", "1")));
    set.addAll(
        Manifests.read(
            """
            apiVersion: late.test.cairn.dev/v1
            kind: Doohickey
            metadata:
              name: stray
              namespace: not-there
            """));

    assertThatThrownBy(() -> manager.apply(set, ApplyOptions.defaults()))
        .isInstanceOfSatisfying(
            ApplyException.class,
            e -> {
              assertThat(e.getMessage()).startsWith("validation after stage 1 failed");
              assertThat(e.failures())
                  .singleElement()
                  .satisfies(
                      f -> {
                        assertThat(f.id().toString()).isEqualTo("Doohickey/not-there/stray");
                        assertThat(f.reason()).contains("namespaces \"not-there\" not found");
                      });
              assertThat(e.partial().entries())
                  .extracting(entry -> entry.id().kind() + " " + entry.action())
                  .containsExactly("CustomResourceDefinition CREATED");
            });
    assertThat(
            cluster.client().configMaps().inNamespace("default").withName("after-stage-one").get())
        .isNull();
  }

  @Test
  void fieldsOwnedByAnotherManagerAreTakenOnlyWhenConflictsAreForced() {
    KubeObject theirs = Manifests.one(Manifests.configMap("default", "shared", "theirs"));
    client.apply(theirs, "kubectl", false);
    KubeObject ours = Manifests.one(Manifests.configMap("default", "shared", "ours"));

    assertThatThrownBy(
            () -> manager.apply(List.of(ours), ApplyOptions.defaults().withForceConflicts(false)))
        .isInstanceOfSatisfying(
            ApplyException.class,
            e ->
                assertThat(e.failures())
                    .singleElement()
                    .satisfies(f -> assertThat(f.reason()).contains("conflict with \"kubectl\"")));

    ChangeSet forced = manager.apply(List.of(ours), ApplyOptions.defaults());
    assertThat(forced.actionOf(ours.id())).contains(Action.CONFIGURED);
    assertThat(
            cluster.client().configMaps().inNamespace("default").withName("shared").get().getData())
        .containsEntry("key", "ours");
  }

  @Test
  void appliesInStagesWhateverTheInputOrder() {
    List<KubeObject> set =
        Manifests.read(
            Manifests.deployment("staged", "web", 1)
                + "---\n"
                + """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: staged-reader
                rules:
                - apiGroups: [""]
                  resources: ["configmaps"]
                  verbs: ["get"]
                """
                + "---\n"
                + Manifests.configMap("staged", "settings", "1")
                + "---\n"
                + Manifests.namespace("staged"));

    ChangeSet result = manager.apply(set, ApplyOptions.defaults());

    assertThat(result.entries())
        .extracting(e -> e.id().toString() + " " + e.action())
        .containsExactly(
            "Namespace/staged CREATED",
            "ClusterRole/staged-reader CREATED",
            "ConfigMap/staged/settings CREATED",
            "Deployment/staged/web CREATED");
  }

  @Test
  void anUnknownKindFailsValidation() {
    List<KubeObject> set =
        Manifests.read(
            """
            apiVersion: nowhere.test.cairn.dev/v1
            kind: Phantom
            metadata:
              name: ghost
              namespace: default
            """);

    assertThatThrownBy(() -> manager.apply(set, ApplyOptions.defaults()))
        .isInstanceOfSatisfying(
            ApplyException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("Phantom/default/ghost")
                    .contains("no kind \"Phantom\" is registered"));
  }

  @Test
  void clientListsByLabel() {
    ApplyOptions owned = ApplyOptions.defaults().withLabels(Map.of("cairn.dev/name", "listed"));
    manager.apply(
        Manifests.read(
            Manifests.configMap("default", "listed-a", "1")
                + "---\n"
                + Manifests.configMap("default", "listed-b", "1")),
        owned);
    manager.apply(
        List.of(Manifests.one(Manifests.configMap("default", "unlisted", "1"))),
        ApplyOptions.defaults());

    List<KubeObject> found =
        client.list(
            new dev.cairn.manifest.GroupVersionKind("", "v1", "ConfigMap"),
            "default",
            Map.of("cairn.dev/name", "listed"));

    assertThat(found)
        .extracting(KubeObject::name)
        .containsExactlyInAnyOrder("listed-a", "listed-b");
  }
}

package dev.cairn.engine.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.ConditionTypes;
import dev.cairn.api.InventoryEntry;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.api.schema.CairnCrds;
import dev.cairn.api.source.GitRepository;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.Fabric8ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.Trigger;
import dev.cairn.engine.source.GitRepositoryReconciler;
import dev.cairn.render.KustomizationRenderer;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.RequestCounter;
import dev.cairn.testkit.cluster.TestCluster;
import dev.cairn.testkit.git.GitHttpServer;
import dev.cairn.testkit.git.GitWorkingCopy;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A GitRepository and Kustomizations reconciled against the simulated cluster, with manifests
 * pushed by the git CLI to a real smart-HTTP Git server.
 */
@ExtendWith(ClusterExtension.class)
class KustomizationReconcilerIT {
  private static Path temp;
  private static GitHttpServer git;
  private static KubernetesClient client;
  private static ResourceManager manager;
  private static GitRepositoryReconciler sources;
  private static KustomizationReconciler kustomizations;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    temp = Files.createTempDirectory("engine-it-");
    git = GitHttpServer.start(temp.resolve("repos"));
    client = cluster.client();
    for (var kind : CairnCrds.KINDS) {
      CustomResourceDefinition crd =
          client
              .getKubernetesSerialization()
              .convertValue(CairnCrds.crd(kind), CustomResourceDefinition.class);
      client.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
    }
    ArtifactStore store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    Clock clock = Clock.systemUTC();
    EventRecorder events = new EventRecorder(client, "cairn", clock);
    Fabric8ClusterClient cluster8 = new Fabric8ClusterClient(client);
    manager = new ResourceManager(cluster8);
    sources =
        new GitRepositoryReconciler(
            client,
            new GitFetcher(temp.resolve("cache"), store),
            events,
            "http://cairn-source.cairn-system/",
            clock);
    kustomizations =
        new KustomizationReconciler(
            client,
            store,
            KustomizationRenderer.defaults(),
            manager,
            cluster8,
            events,
            ApplyOptions.defaults(),
            clock);
  }

  @AfterAll
  static void stop() {
    manager.close();
    git.close();
  }

  /** A repository with its working copy, a GitRepository and a namespace for one test. */
  private record Fixture(String ns, String url, GitWorkingCopy work) {
    String commit(String message) {
      String sha = work.commitAll(message);
      work.push(url);
      return sha;
    }
  }

  private static Fixture fixture(TestCluster cluster, String name) throws Exception {
    String ns = cluster.createNamespace(name);
    String url = git.createRepository(ns);
    GitWorkingCopy work = GitWorkingCopy.init(Files.createTempDirectory(temp, name));
    return new Fixture(ns, url, work);
  }

  private static void createSource(Fixture f) {
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: GitRepository
        metadata: {name: repo, namespace: %s}
        spec: {url: "%s", interval: 1m, ref: {branch: main}}
        """
            .formatted(f.ns(), f.url());
    client
        .resource(client.getKubernetesSerialization().unmarshal(yaml, GitRepository.class))
        .create();
  }

  private static void createKustomization(Fixture f, String name, String specYaml) {
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: Kustomization
        metadata: {name: %s, namespace: %s}
        spec:
          interval: 5m
          sourceRef: {kind: GitRepository, name: repo}
          targetNamespace: %s
        %s
        """
            .formatted(name, f.ns(), f.ns(), specYaml.indent(2));
    client
        .resource(client.getKubernetesSerialization().unmarshal(yaml, Kustomization.class))
        .create();
  }

  private static KustomizationStatus sync(Fixture f, String name) {
    sources.reconcile(f.ns(), "repo", Trigger.INTERVAL).orElseThrow();
    ReconcileResult<KustomizationStatus> result =
        kustomizations.reconcile(f.ns(), name, Trigger.INTERVAL).orElseThrow();
    return live(f, name).getStatus();
  }

  private static Kustomization live(Fixture f, String name) {
    return client.resources(Kustomization.class).inNamespace(f.ns()).withName(name).get();
  }

  private static Condition ready(KustomizationStatus status) {
    return status.getConditions().stream()
        .filter(c -> ConditionTypes.READY.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  private static ConfigMap configMap(Fixture f, String name) {
    return client.configMaps().inNamespace(f.ns()).withName(name).get();
  }

  private static String configMapYaml(String name, String value) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: %s}
        data: {value: "%s"}
        """
        .formatted(name, value);
  }

  private static String deploymentYaml(String note) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, annotations: {note: "%s"}}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "nginx:1.27"}]
        """
        .formatted(note);
  }

  @Test
  void appliesCommitsAndPrunesDeletedFiles(TestCluster cluster) throws Exception {
    Fixture f = fixture(cluster, "apply");
    f.work().write("app/a.yaml", configMapYaml("a", "one"));
    f.work().write("app/b.yaml", configMapYaml("b", "one"));
    String first = f.commit("first");
    createSource(f);
    createKustomization(f, "app", "path: ./app\nprune: true\n");

    KustomizationStatus status = sync(f, "app");

    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(ready(status).getReason()).isEqualTo("ReconciliationSucceeded");
    assertThat(ready(status).getMessage()).isEqualTo("Applied revision: main@sha1:" + first);
    assertThat(status.getLastAppliedRevision()).isEqualTo("main@sha1:" + first);
    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(status.getInventory().entries())
        .extracting(InventoryEntry::id)
        .containsExactly(f.ns() + "_a__ConfigMap", f.ns() + "_b__ConfigMap");
    assertThat(configMap(f, "a").getMetadata().getLabels())
        .containsEntry("cairn.dev/name", "app")
        .containsEntry("cairn.dev/namespace", f.ns());
    assertThat(status.getHistory()).hasSize(1);
    assertThat(status.getHistory().get(0).metadata())
        .containsEntry("revision", "main@sha1:" + first);

    f.work().write("app/a.yaml", configMapYaml("a", "two"));
    String second = f.commit("second");
    status = sync(f, "app");
    assertThat(configMap(f, "a").getData()).containsEntry("value", "two");
    assertThat(status.getLastAppliedRevision()).isEqualTo("main@sha1:" + second);
    assertThat(status.getHistory()).hasSize(2);
    List<Event> events = client.v1().events().inNamespace(f.ns()).list().getItems();
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.getMessage()).isEqualTo("ConfigMap/" + f.ns() + "/a configured");
              assertThat(e.getMetadata().getAnnotations())
                  .containsEntry(EventRecorder.REVISION_ANNOTATION, "main@sha1:" + second);
            });

    f.work().delete("app/b.yaml");
    f.commit("third");
    status = sync(f, "app");
    assertThat(configMap(f, "b")).isNull();
    assertThat(configMap(f, "a")).isNotNull();
    assertThat(status.getInventory().entries())
        .extracting(InventoryEntry::id)
        .containsExactly(f.ns() + "_a__ConfigMap");
  }

  @Test
  void brokenCommitsKeepThePreviousObjectsUntilAGoodOne(TestCluster cluster) throws Exception {
    Fixture f = fixture(cluster, "broken");
    f.work().write("app/a.yaml", configMapYaml("a", "${greeting}"));
    f.work().write("app/web.yaml", deploymentYaml("v1"));
    String good = f.commit("good");
    createSource(f);
    createKustomization(
        f,
        "app",
        "path: ./app\nprune: true\nwait: true\ntimeout: 20s\n"
            + "postBuild: {substitute: {greeting: hello}}\n");
    KustomizationStatus status = sync(f, "app");
    assertThat(ready(status).getStatus()).isEqualTo("True");
    List<InventoryEntry> goodInventory = status.getInventory().entries();
    assertThat(goodInventory).hasSize(2);

    // 1. bad YAML
    f.work().write("app/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\n");
    String bad = f.commit("bad yaml");
    status = sync(f, "app");
    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(ready(status).getReason()).isEqualTo("BuildFailed");
    assertThat(ready(status).getMessage()).contains("a.yaml");
    assertThat(status.getLastAttemptedRevision()).isEqualTo("main@sha1:" + bad);
    assertThat(status.getLastAppliedRevision()).isEqualTo("main@sha1:" + good);
    assertThat(status.getInventory().entries()).isEqualTo(goodInventory);
    assertThat(configMap(f, "a").getData()).containsEntry("value", "hello");

    // 2. a variable that is not set
    f.work().write("app/a.yaml", configMapYaml("a", "${missing_variable}"));
    f.commit("missing variable");
    status = sync(f, "app");
    assertThat(ready(status).getReason()).isEqualTo("BuildFailed");
    assertThat(ready(status).getMessage()).contains("missing_variable");
    assertThat(status.getInventory().entries()).isEqualTo(goodInventory);
    assertThat(configMap(f, "a").getData()).containsEntry("value", "hello");

    // 3. a Deployment that never becomes healthy
    cluster.readiness().keepFailing("Deployment", f.ns(), "web");
    f.work().write("app/a.yaml", configMapYaml("a", "${greeting}"));
    f.work().write("app/web.yaml", deploymentYaml("v2"));
    f.commit("failing rollout");
    status = sync(f, "app");
    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(ready(status).getReason()).isEqualTo("HealthCheckFailed");
    assertThat(ready(status).getMessage()).contains("Deployment/" + f.ns() + "/web");
    assertThat(status.getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Healthy");
              assertThat(c.getStatus()).isEqualTo("False");
            });
    assertThat(status.getLastAppliedRevision()).isEqualTo("main@sha1:" + good);
    assertThat(status.getInventory().entries()).isEqualTo(goodInventory);
    assertThat(configMap(f, "a")).isNotNull();

    // 4. recovery
    cluster.readiness().stopFailing("Deployment", f.ns(), "web");
    f.work().write("app/web.yaml", deploymentYaml("v3"));
    String fixed = f.commit("fixed");
    status = sync(f, "app");
    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(status.getLastAppliedRevision()).isEqualTo("main@sha1:" + fixed);
    assertThat(status.getConditions())
        .noneSatisfy(c -> assertThat(c.getType()).isEqualTo("Reconciling"));
    List<Event> warnings =
        client.v1().events().inNamespace(f.ns()).list().getItems().stream()
            .filter(e -> "Warning".equals(e.getType()))
            .toList();
    assertThat(warnings)
        .extracting(Event::getReason)
        .containsExactlyInAnyOrder("BuildFailed", "BuildFailed", "HealthCheckFailed");
  }

  @Test
  void waitsForDependenciesToBeReady(TestCluster cluster) throws Exception {
    Fixture f = fixture(cluster, "deps");
    f.work().write("infra/a.yaml", configMapYaml("infra", "1"));
    f.work().write("app/a.yaml", configMapYaml("app", "1"));
    f.commit("first");
    createSource(f);
    createKustomization(f, "infra", "path: ./infra\nprune: true\n");
    createKustomization(f, "app", "path: ./app\nprune: true\ndependsOn: [{name: infra}]\n");

    KustomizationStatus app = sync(f, "app");
    assertThat(ready(app).getStatus()).isEqualTo("False");
    assertThat(ready(app).getReason()).isEqualTo("DependencyNotReady");
    assertThat(ready(app).getMessage()).isEqualTo("dependency '" + f.ns() + "/infra' is not ready");
    assertThat(configMap(f, "app")).isNull();

    assertThat(ready(sync(f, "infra")).getStatus()).isEqualTo("True");
    app = sync(f, "app");
    assertThat(ready(app).getStatus()).isEqualTo("True");
    assertThat(configMap(f, "app")).isNotNull();
  }

  @Test
  void substitutesFromClusterConfigMap(TestCluster cluster) throws Exception {
    Fixture f = fixture(cluster, "subst");
    client
        .configMaps()
        .inNamespace(f.ns())
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("cluster-config")
                .endMetadata()
                .withData(Map.of("cluster_name", "prod-eu"))
                .build())
        .create();
    client
        .secrets()
        .inNamespace(f.ns())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("cluster-secrets")
                .endMetadata()
                .withStringData(Map.of("region", "eu-west-1", "cluster_name", "overridden"))
                .build())
        .create();
    f.work().write("app/a.yaml", configMapYaml("a", "${cluster_name}"));
    f.work().write("app/b.yaml", configMapYaml("b", "${region}"));
    f.commit("first");
    createSource(f);
    createKustomization(
        f,
        "app",
        "path: ./app\nprune: true\npostBuild:\n  substituteFrom:\n"
            + "  - {kind: Secret, name: cluster-secrets}\n"
            + "  - {kind: ConfigMap, name: cluster-config}\n"
            + "  - {kind: Secret, name: absent-secret, optional: true}\n");

    KustomizationStatus status = sync(f, "app");

    assertThat(ready(status).getStatus()).isEqualTo("True");
    // a later source overrides an earlier one: cluster-config wins over cluster-secrets
    assertThat(configMap(f, "a").getData()).containsEntry("value", "prod-eu");
    assertThat(configMap(f, "b").getData()).containsEntry("value", "eu-west-1");

    client.configMaps().inNamespace(f.ns()).withName("cluster-config").delete();
    status = sync(f, "app");
    assertThat(ready(status).getReason()).isEqualTo("BuildFailed");
    assertThat(ready(status).getMessage()).contains("ConfigMap/" + f.ns() + "/cluster-config");
    assertThat(ready(status).getMessage()).doesNotContain("eu-west-1");
    assertThat(configMap(f, "a").getData()).containsEntry("value", "prod-eu");
  }

  @Test
  void steadyStateWritesOnlyTheStatus(TestCluster cluster) throws Exception {
    Fixture f = fixture(cluster, "steady");
    f.work().write("app/a.yaml", configMapYaml("a", "one"));
    f.work().write("app/web.yaml", deploymentYaml("v1"));
    f.commit("first");
    createSource(f);
    createKustomization(f, "app", "path: ./app\nprune: true\nwait: true\n");
    assertThat(ready(sync(f, "app")).getStatus()).isEqualTo("True");
    sources.reconcile(f.ns(), "repo", Trigger.INTERVAL);
    RequestCounter requests = cluster.requests();
    requests.reset();

    kustomizations.reconcile(f.ns(), "app", Trigger.INTERVAL).orElseThrow();

    Map<String, Long> writes = new java.util.TreeMap<>(requests.snapshot());
    writes
        .keySet()
        .removeIf(k -> k.startsWith("get ") || k.startsWith("list ") || k.startsWith("watch "));
    assertThat(writes).containsOnlyKeys("patch kustomizations.cairn.dev/status");
    assertThat(writes.get("patch kustomizations.cairn.dev/status")).isEqualTo(1L);
    assertThat(ready(live(f, "app").getStatus()).getStatus()).isEqualTo("True");
  }

  @Test
  void stallsOnADependencyCycleAndSkipsWhenSuspended(TestCluster cluster) throws Exception {
    Fixture f = fixture(cluster, "cycle");
    f.work().write("app/a.yaml", configMapYaml("a", "1"));
    f.commit("first");
    createSource(f);
    createKustomization(f, "one", "path: ./app\nprune: true\ndependsOn: [{name: two}]\n");
    createKustomization(f, "two", "path: ./app\nprune: true\ndependsOn: [{name: one}]\n");

    sources.reconcile(f.ns(), "repo", Trigger.INTERVAL).orElseThrow();
    ReconcileResult<KustomizationStatus> result =
        kustomizations.reconcile(f.ns(), "one", Trigger.INTERVAL).orElseThrow();

    assertThat(result.requeue()).isFalse();
    KustomizationStatus status = live(f, "one").getStatus();
    assertThat(ready(status).getReason()).isEqualTo("DependencyCycle");
    assertThat(ready(status).getMessage())
        .isEqualTo(
            "dependsOn forms a cycle: %s/one -> %s/two -> %s/one"
                .formatted(f.ns(), f.ns(), f.ns()));
    assertThat(status.getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Stalled");
              assertThat(c.getStatus()).isEqualTo("True");
            });

    createKustomization(f, "paused", "path: ./app\nprune: true\nsuspend: true\n");
    ReconcileResult<KustomizationStatus> paused =
        kustomizations.reconcile(f.ns(), "paused", Trigger.INTERVAL).orElseThrow();
    assertThat(paused.patchStatus()).isFalse();
    assertThat(paused.requeue()).isFalse();
    assertThat(live(f, "paused").getStatus()).isNull();
    assertThat(configMap(f, "a")).isNull();
  }

  @Test
  void readyExprDecidesWhenADependencyIsReady(TestCluster cluster) throws Exception {
    Fixture f = fixture(cluster, "expr");
    f.work().write("infra/a.yaml", configMapYaml("infra", "1"));
    f.work().write("app/a.yaml", configMapYaml("app", "1"));
    f.commit("first");
    createSource(f);
    createKustomization(f, "infra", "path: ./infra\nprune: true\n");
    createKustomization(
        f,
        "app",
        "path: ./app\nprune: true\n"
            + "dependsOn: [{name: infra, readyExpr: \"has(status.lastAppliedRevision)\"}]\n");

    assertThat(ready(sync(f, "app")).getReason()).isEqualTo("DependencyNotReady");

    sync(f, "infra");
    assertThat(ready(sync(f, "app")).getStatus()).isEqualTo("True");
  }

  @Test
  void healthChecksAndCelExpressionsGateReadiness(TestCluster cluster) throws Exception {
    Fixture f = fixture(cluster, "health");
    f.work().write("app/web.yaml", deploymentYaml("v1"));
    f.work().write("app/flag.yaml", configMapYaml("flag", "ok"));
    f.commit("first");
    createSource(f);
    createKustomization(
        f,
        "app",
        """
        path: ./app
        prune: true
        timeout: 20s
        healthChecks:
        - {apiVersion: apps/v1, kind: Deployment, name: web}
        - {apiVersion: v1, kind: ConfigMap, name: flag}
        healthCheckExprs:
        - apiVersion: v1
          kind: ConfigMap
          current: "self.data.value == 'ok'"
          failed: "self.data.value == 'bad'"
        """);

    KustomizationStatus status = sync(f, "app");
    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(status.getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Healthy");
              assertThat(c.getStatus()).isEqualTo("True");
              assertThat(c.getMessage()).startsWith("Health check passed in ");
            });

    f.work().write("app/flag.yaml", configMapYaml("flag", "bad"));
    f.commit("bad flag");
    status = sync(f, "app");
    assertThat(ready(status).getReason()).isEqualTo("HealthCheckFailed");
    assertThat(ready(status).getMessage()).contains("ConfigMap/" + f.ns() + "/flag");
  }
}

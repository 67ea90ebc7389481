package dev.cairn.engine.kustomize;

import dev.cairn.api.ConditionTypes;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.GitRepositoryStatus;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.Fabric8ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.engine.source.GitRepositoryKind;
import dev.cairn.engine.source.GitRepositoryRun;
import dev.cairn.render.KustomizationRenderer;
import dev.cairn.render.RenderOptions;
import dev.cairn.render.cache.BuildCache;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the Kustomization ITs share: CRDs installed in the test cluster, a smart-HTTP Git server,
 * the artifact store and both reconcilers, plus helpers to push manifests and reconcile.
 */
final class Harness {
  Path temp;
  GitHttpServer git;
  KubernetesClient client;
  ResourceManager manager;
  StepReconciler<GitRepository, GitRepositoryStatus, GitRepositoryRun> sources;
  StepReconciler<Kustomization, KustomizationStatus, KustomizationRun> kustomizations;

  /** The build cache of every replica's renderer, to count builds. */
  final BuildCache builds = BuildCache.defaults();

  static Harness start(TestCluster cluster) throws Exception {
    return start(cluster.client());
  }

  /** As {@link #start(TestCluster)}, reconciling through {@code client} (its retries, timeouts). */
  static Harness start(KubernetesClient client) throws Exception {
    Harness h = new Harness();
    h.temp = Files.createTempDirectory("engine-it-");
    h.git = GitHttpServer.start(h.temp.resolve("repos"));
    h.client = client;
    CairnCrdInstaller.installAll(h.client);
    h.manager = new ResourceManager(new Fabric8ClusterClient(h.client));
    Replica first = h.replica("store", "cache", Clock.systemUTC());
    h.sources = first.sources();
    h.kustomizations = first.kustomizations();
    return h;
  }

  /** What one controller replica has of its own: a store, a Git cache and both reconcilers. */
  record Replica(
      StepReconciler<GitRepository, GitRepositoryStatus, GitRepositoryRun> sources,
      StepReconciler<Kustomization, KustomizationStatus, KustomizationRun> kustomizations) {}

  /** Another replica on the same cluster, with its own (empty) store and cache under temp. */
  Replica replica(String store, String cache, Clock clock) throws Exception {
    ArtifactStore artifacts =
        new ArtifactStore(temp.resolve(store), ArtifactStoreOptions.defaults());
    EventRecorder events = new EventRecorder(client, "cairn", clock);
    Fabric8ClusterClient cluster8 = new Fabric8ClusterClient(client);
    return new Replica(
        GitRepositoryKind.reconciler(
            client,
            new GitFetcher(temp.resolve(cache), artifacts),
            events,
            "http://cairn-source.cairn-system/",
            clock),
        KustomizationKind.reconciler(
            client,
            artifacts,
            new KustomizationRenderer(RenderOptions.defaults(), builds),
            manager,
            cluster8,
            events,
            ApplyOptions.defaults(),
            clock));
  }

  void close() {
    kustomizations.close();
    manager.close();
    git.close();
  }

  /** A repository with its working copy, a GitRepository and a namespace for one test. */
  record Fixture(String ns, String url, GitWorkingCopy work) {
    String commit(String message) {
      String sha = work.commitAll(message);
      work.push(url);
      return sha;
    }
  }

  Fixture fixture(TestCluster cluster, String name) throws Exception {
    String ns = cluster.createNamespace(name);
    String url = git.createRepository(ns);
    GitWorkingCopy work = GitWorkingCopy.init(Files.createTempDirectory(temp, name));
    return new Fixture(ns, url, work);
  }

  void createSource(Fixture f) {
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

  void createKustomization(Fixture f, String name, String specYaml) {
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

  KustomizationStatus sync(Fixture f, String name) {
    sources.reconcile(f.ns(), "repo", Trigger.INTERVAL).orElseThrow();
    ReconcileResult<KustomizationStatus> result =
        kustomizations.reconcile(f.ns(), name, Trigger.INTERVAL).orElseThrow();
    return live(f, name).getStatus();
  }

  Kustomization live(Fixture f, String name) {
    return client.resources(Kustomization.class).inNamespace(f.ns()).withName(name).get();
  }

  static Condition ready(dev.cairn.api.ReconcileStatus status) {
    return status.getConditions().stream()
        .filter(c -> ConditionTypes.READY.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  ConfigMap configMap(Fixture f, String name) {
    return client.configMaps().inNamespace(f.ns()).withName(name).get();
  }

  static String configMapYaml(String name, String value) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: %s}
        data: {value: "%s"}
        """
        .formatted(name, value);
  }

  static String statefulSetYaml(String name) {
    return """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: %s}
        spec:
          replicas: 1
          serviceName: %s
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers: [{name: main, image: "postgres:16"}]
        """
        .formatted(name, name, name, name);
  }

  static String deploymentYaml(String note) {
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
}

package dev.cairn.engine.argo;

import dev.cairn.api.argo.AppProject;
import dev.cairn.api.argo.AppProjectStatus;
import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.ApplicationStatus;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.Fabric8ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.render.argo.ArgoSourceRenderer;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.source.helm.HelmFetcherOptions;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.source.helm.OciChartFetcher;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * What the Application ITs share: the CRDs in the test cluster, a smart-HTTP Git server and the
 * Application and AppProject reconcilers, plus helpers to push manifests and reconcile.
 */
final class ArgoHarness implements AutoCloseable {
  final Path temp;
  final GitHttpServer git;
  final KubernetesClient client;
  final ResourceManager manager;
  final StepReconciler<Application, ApplicationStatus, ApplicationRun> applications;
  final StepReconciler<AppProject, AppProjectStatus, AppProjectRun> projects;

  private ArgoHarness(TestCluster cluster, Clock clock) throws Exception {
    temp = Files.createTempDirectory("argo-it-");
    git = GitHttpServer.start(temp.resolve("repos"));
    client = cluster.client();
    CairnCrdInstaller.install(client, List.of(Application.class, AppProject.class));
    Fabric8ClusterClient cluster8 = new Fabric8ClusterClient(client);
    manager = new ResourceManager(cluster8);
    ArtifactStore store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    EventRecorder events = new EventRecorder(client, "cairn", clock);
    applications =
        ApplicationKind.reconciler(
            new ApplicationKind.Parts(
                client,
                new GitFetcher(temp.resolve("git"), store),
                new ChartSourceFetchers(
                    new HelmRepositoryFetcher(store, HelmFetcherOptions.defaults()),
                    new OciChartFetcher(store, HelmFetcherOptions.defaults())),
                ArgoSourceRenderer.defaults(),
                manager,
                cluster8,
                events,
                ApplyOptions.defaults(),
                () -> "v1.31.0"),
            clock);
    projects = AppProjectKind.reconciler(client, clock);
  }

  static ArgoHarness start(TestCluster cluster, Clock clock) throws Exception {
    return new ArgoHarness(cluster, clock);
  }

  @Override
  public void close() {
    applications.close();
    manager.close();
    git.close();
  }

  /** A repository with its working copy and a namespace for one test. */
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

  /** Creates an Application of {@code f}'s repository, path {@code app}, into {@code f.ns()}. */
  void createApplication(Fixture f, String name, String specYaml) {
    createApplication(f, name, "app", specYaml);
  }

  /** Creates an Application of {@code f}'s repository and {@code path}, into {@code f.ns()}. */
  void createApplication(Fixture f, String name, String path, String specYaml) {
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: Application
        metadata: {name: %s, namespace: %s}
        spec:
          project: default
          source: {repoURL: "%s", targetRevision: main, path: %s}
          destination: {server: "https://kubernetes.default.svc", namespace: %s}
        %s
        """
            .formatted(name, f.ns(), f.url(), path, f.ns(), specYaml.indent(2));
    client
        .resource(client.getKubernetesSerialization().unmarshal(yaml, Application.class))
        .create();
  }

  ApplicationStatus reconcile(Fixture f, String name) {
    applications.reconcile(f.ns(), name, Trigger.INTERVAL).orElseThrow();
    return app(f, name).getStatus();
  }

  Application app(Fixture f, String name) {
    return client.resources(Application.class).inNamespace(f.ns()).withName(name).get();
  }
}

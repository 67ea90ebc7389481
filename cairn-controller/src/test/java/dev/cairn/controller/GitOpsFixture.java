package dev.cairn.controller;

import dev.cairn.api.ConditionTypes;
import dev.cairn.api.ReconcileStatus;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.source.GitRepository;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the runtime ITs share: CRDs in the cluster, one smart-HTTP Git server, and per test a
 * namespace with a repository, a GitRepository and Kustomizations.
 */
final class GitOpsFixture implements AutoCloseable {
  final Path temp;
  final GitHttpServer git;
  final KubernetesClient client;

  private GitOpsFixture(Path temp, GitHttpServer git, KubernetesClient client) {
    this.temp = temp;
    this.git = git;
    this.client = client;
  }

  static GitOpsFixture start(TestCluster cluster) throws Exception {
    Path temp = Files.createTempDirectory("controller-it-");
    KubernetesClient client = cluster.client();
    installCrds(client);
    return new GitOpsFixture(temp, GitHttpServer.start(temp.resolve("repos")), client);
  }

  /** Installs Cairn's CRDs (server-side apply, so again is harmless). */
  static void installCrds(KubernetesClient client) {
    CairnCrdInstaller.installAll(client);
  }

  RuntimeOptions options(String name) throws Exception {
    return RuntimeOptions.defaults()
        .withStoragePath(Files.createTempDirectory(temp, "storage-" + name + "-"));
  }

  @Override
  public void close() {
    git.close();
  }

  /** A namespace, a repository and its working copy. */
  record Repo(String ns, String url, GitWorkingCopy work) {
    String commit(String message) {
      String sha = work.commitAll(message);
      work.push(url);
      return sha;
    }
  }

  Repo repo(TestCluster cluster, String prefix) throws Exception {
    String ns = cluster.createNamespace(prefix);
    String url = git.createRepository(ns);
    return new Repo(ns, url, GitWorkingCopy.init(Files.createTempDirectory(temp, prefix)));
  }

  void createSource(Repo repo, String interval) {
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: GitRepository
        metadata: {name: repo, namespace: %s}
        spec: {url: "%s", interval: %s, ref: {branch: main}}
        """
            .formatted(repo.ns(), repo.url(), interval);
    client
        .resource(client.getKubernetesSerialization().unmarshal(yaml, GitRepository.class))
        .create();
  }

  void createKustomization(Repo repo, String name, String interval, String path) {
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: Kustomization
        metadata: {name: %s, namespace: %s}
        spec:
          interval: %s
          sourceRef: {kind: GitRepository, name: repo}
          targetNamespace: %s
          path: %s
          prune: true
        """
            .formatted(name, repo.ns(), interval, repo.ns(), path);
    client
        .resource(client.getKubernetesSerialization().unmarshal(yaml, Kustomization.class))
        .create();
  }

  Kustomization kustomization(Repo repo, String name) {
    return client.resources(Kustomization.class).inNamespace(repo.ns()).withName(name).get();
  }

  GitRepository source(Repo repo) {
    return client.resources(GitRepository.class).inNamespace(repo.ns()).withName("repo").get();
  }

  /** Sets the reconcile-request annotation on a Kustomization or GitRepository. */
  void requestReconcile(
      Class<? extends io.fabric8.kubernetes.client.CustomResource<?, ?>> kind,
      Repo repo,
      String name,
      String value) {
    client
        .resources(kind)
        .inNamespace(repo.ns())
        .withName(name)
        .edit(
            o -> {
              o.getMetadata().getAnnotations().put("reconcile.cairn.dev/requestedAt", value);
              return o;
            });
  }

  static Optional<Condition> ready(ReconcileStatus status) {
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    return status.getConditions().stream()
        .filter(c -> ConditionTypes.READY.equals(c.getType()))
        .findFirst();
  }

  static boolean isReady(ReconcileStatus status) {
    return ready(status).map(c -> "True".equals(c.getStatus())).orElse(false);
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
}

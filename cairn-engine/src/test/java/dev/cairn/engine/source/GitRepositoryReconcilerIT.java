package dev.cairn.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.Artifact;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.GitRepositoryStatus;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GitRepository reconciliation against a password-protected smart-HTTP Git server. */
@ExtendWith(ClusterExtension.class)
class GitRepositoryReconcilerIT {
  private static final String USER = "cairn";
  private static final String PASSWORD = "s3cret-Pa55";

  private static Path temp;
  private static GitHttpServer git;
  private static KubernetesClient client;
  private static ArtifactStore store;
  private static StepReconciler<GitRepository, GitRepositoryStatus, GitRepositoryRun> reconciler;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    temp = Files.createTempDirectory("engine-git-it-");
    git = GitHttpServer.start(temp.resolve("repos"), USER, PASSWORD);
    client = cluster.client();
    CairnCrdInstaller.install(client, List.of(GitRepository.class));
    store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    reconciler = SourceItSetup.gitRepositories(client, temp, store);
  }

  @AfterAll
  static void stop() {
    git.close();
  }

  private static void secret(String ns, String password) {
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("git-auth")
                .endMetadata()
                .withStringData(Map.of("username", USER, "password", password))
                .build())
        .serverSideApply();
  }

  private static void source(String ns, String url, String branch) {
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: GitRepository
        metadata: {name: repo, namespace: %s}
        spec: {url: "%s", interval: 1m, ref: {branch: %s}, secretRef: {name: git-auth}}
        """
            .formatted(ns, url, branch);
    client
        .resource(client.getKubernetesSerialization().unmarshal(yaml, GitRepository.class))
        .serverSideApply();
  }

  private static GitRepositoryStatus reconcile(String ns) {
    ReconcileResult<GitRepositoryStatus> result =
        reconciler.reconcile(ns, "repo", Trigger.INTERVAL).orElseThrow();
    assertThat(result.requeueAfter()).hasMinutes(1);
    return client.resources(GitRepository.class).inNamespace(ns).withName("repo").get().getStatus();
  }

  private static Condition condition(GitRepositoryStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void storesArtifactsAndKeepsTheLastGoodOneOnFailure(TestCluster cluster) throws Exception {
    String ns = cluster.createNamespace("gitrepo");
    String url = git.createRepository(ns);
    GitWorkingCopy work =
        GitWorkingCopy.init(Files.createTempDirectory(temp, "work")).withBasicAuth(USER, PASSWORD);
    work.write("app/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    String sha = work.commitAll("first");
    work.push(url);
    secret(ns, PASSWORD);
    source(ns, url, "main");

    GitRepositoryStatus status = reconcile(ns);

    Condition ready = condition(status, "Ready");
    assertThat(ready.getStatus()).isEqualTo("True");
    assertThat(ready.getReason()).isEqualTo("Succeeded");
    Artifact artifact = status.getArtifact();
    assertThat(artifact.revision()).isEqualTo("main@sha1:" + sha);
    assertThat(artifact.url()).isEqualTo("http://cairn-source.cairn-system/" + artifact.path());
    assertThat(store.current(new dev.cairn.source.artifact.SourceKey("gitrepository", ns, "repo")))
        .hasValueSatisfying(a -> assertThat(a.digest()).isEqualTo(artifact.digest()));
    assertThat(client.v1().events().inNamespace(ns).list().getItems())
        .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("NewArtifact"));

    secret(ns, "wrong-password");
    status = reconcile(ns);
    ready = condition(status, "Ready");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("AuthenticationFailed");
    assertThat(ready.getMessage()).doesNotContain("wrong-password");
    assertThat(condition(status, "FetchFailed").getStatus()).isEqualTo("True");
    assertThat(status.getArtifact()).isEqualTo(artifact);

    secret(ns, PASSWORD);
    source(ns, url, "no-such-branch");
    status = reconcile(ns);
    assertThat(condition(status, "Ready").getReason()).isEqualTo("GitOperationFailed");
    assertThat(condition(status, "Ready").getMessage()).contains("no-such-branch");
    assertThat(status.getArtifact()).isEqualTo(artifact);

    source(ns, url, "main");
    status = reconcile(ns);
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(status.getConditions()).noneMatch(c -> "FetchFailed".equals(c.getType()));
  }
}

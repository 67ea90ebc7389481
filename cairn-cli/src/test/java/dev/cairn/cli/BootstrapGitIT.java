package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.cli.up.RuntimeControllers;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.git.GitUrlRewrites;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code cairn bootstrap git} against the test kit's Git server (basic auth) and the simulated
 * cluster, with Cairn's controllers running in this process in place of the controller Pod (the
 * simulation runs no containers): the first run pushes one commit with the three files under {@code
 * clusters/test/cairn-system/}, installs Cairn, stores the credentials in a Secret and waits until
 * the root Kustomization is Ready at that commit (and has applied the fleet's own ConfigMap); a
 * second run commits nothing; a run with another {@code --log-level} commits the changed components
 * and the cluster follows. The password appears in no output.
 */
@ExtendWith(ClusterExtension.class)
class BootstrapGitIT {
  private static final String PASSWORD = "bootstrap-pass-5c2e81";
  private static final String DIR = "clusters/test/cairn-system/";
  private static Path temp;
  private static GitHttpServer git;

  @BeforeAll
  static void startGitServer() throws IOException {
    temp = Files.createTempDirectory("bootstrap-git-it-");
    git = GitHttpServer.start(temp.resolve("repos"), "git", PASSWORD);
  }

  @AfterAll
  static void stopGitServer() {
    git.close();
  }

  @Test
  void commitsInstallsSyncsAndUpgradesInPlace(TestCluster cluster) throws Exception {
    assumeTrue(cluster.isSimulated(), "runs Cairn's controllers in-process against the simulation");
    Path kubeconfig = cluster.simulated().orElseThrow().writeKubeconfig(temp.resolve("kubeconfig"));
    KubernetesClient client = cluster.client();
    String url = git.createRepository("fleet");
    GitWorkingCopy work =
        GitWorkingCopy.init(temp.resolve("seed"))
            .withBasicAuth("git", PASSWORD)
            .write(
                "clusters/test/apps/cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\n"
                    + "metadata: {name: fleet-app, namespace: default}\ndata: {a: b}\n");
    String seed = work.commitAll("the fleet's first app");
    work.push(url);

    CairnCrdInstaller.installAll(client);
    try (AutoCloseable controllers =
        RuntimeControllers.start(client, temp.resolve("storage"), GitUrlRewrites.none())) {
      String[] bootstrap = {
        "bootstrap",
        "git",
        "--url",
        url,
        "--branch",
        "main",
        "--path",
        "clusters/test",
        "--password",
        PASSWORD,
        "--kubeconfig",
        kubeconfig.toString(),
        "--timeout",
        "2m"
      };
      MainTest.Result first = MainTest.run(bootstrap);
      assertThat(first.code()).as(first.out() + first.err()).isZero();
      assertThat(first.out() + first.err()).doesNotContain(PASSWORD);
      RevCommit added = head();
      assertFirstCommit(added, seed, url);
      assertCluster(client, added.getName());
      assertThat(first.out())
          .contains("✔ committed the manifests in clusters/test/cairn-system to main")
          .contains("✔ Deployment cairn-controller is ready")
          .contains("✔ Kustomization/cairn-system/cairn-system is Ready, revision main@sha1:")
          .contains("✔ bootstrap finished");

      MainTest.Result again = MainTest.run(bootstrap);
      assertThat(again.code()).as(again.out() + again.err()).isZero();
      assertThat(again.out()).contains("are up to date").doesNotContain("committed");
      assertThat(head().getName()).isEqualTo(added.getName());

      List<String> upgrade = new ArrayList<>(List.of(bootstrap));
      upgrade.addAll(List.of("--log-level", "debug"));
      MainTest.Result upgraded = MainTest.run(upgrade.toArray(String[]::new));
      assertThat(upgraded.code()).as(upgraded.out() + upgraded.err()).isZero();
      RevCommit changed = head();
      assertThat(changed.getParent(0).getName()).isEqualTo(added.getName());
      assertThat(changed.getFullMessage()).isEqualTo(added.getFullMessage());
      assertThat(file(changed, DIR + "cairn-components.yaml")).contains("--log-level=debug");
      assertThat(rootRevision(client)).isEqualTo("main@sha1:" + changed.getName());
      Deployment deployment =
          client
              .apps()
              .deployments()
              .inNamespace("cairn-system")
              .withName("cairn-controller")
              .get();
      assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
          .contains("--log-level=debug");
    }
  }

  private static void assertFirstCommit(RevCommit commit, String seed, String url)
      throws IOException {
    assertThat(commit.getParentCount()).isEqualTo(1);
    assertThat(commit.getParent(0).getName()).isEqualTo(seed);
    assertThat(commit.getFullMessage())
        .isEqualTo("Add Cairn v" + CairnVersion.version() + " sync manifests");
    String components = file(commit, DIR + "cairn-components.yaml");
    MainTest.Result export = MainTest.run("install", "--export", "-n", "cairn-system");
    assertThat(components).startsWith("# Generated by cairn bootstrap").endsWith(export.out());
    assertThat(file(commit, DIR + "kustomization.yaml"))
        .isEqualTo(
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n"
                + "- cairn-components.yaml\n- cairn-sync.yaml\n");
    assertThat(file(commit, DIR + "cairn-sync.yaml"))
        .contains("apiVersion: cairn.dev/v1\nkind: GitRepository\n")
        .contains("url: " + url)
        .contains("secretRef:\n    name: cairn-system")
        .contains("kind: Kustomization")
        .contains("path: ./clusters/test")
        .contains("prune: true")
        .contains("interval: 10m0s")
        .doesNotContain(PASSWORD);
  }

  private static void assertCluster(KubernetesClient client, String commit) {
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("cairn-system")
                .withName("cairn-controller")
                .get())
        .isNotNull();
    Secret secret = client.secrets().inNamespace("cairn-system").withName("cairn-system").get();
    assertThat(secret.getData())
        .containsEntry("username", base64("git"))
        .containsEntry("password", base64(PASSWORD));
    assertThat(rootRevision(client)).isEqualTo("main@sha1:" + commit);
    assertThat(client.configMaps().inNamespace("default").withName("fleet-app").get().getData())
        .isEqualTo(Map.of("a", "b"));
  }

  private static String rootRevision(KubernetesClient client) {
    GenericKubernetesResource root =
        client
            .genericKubernetesResources(
                new ResourceDefinitionContext.Builder()
                    .withGroup("cairn.dev")
                    .withVersion("v1")
                    .withKind("Kustomization")
                    .withPlural("kustomizations")
                    .withNamespaced(true)
                    .build())
            .inNamespace("cairn-system")
            .withName("cairn-system")
            .get();
    @SuppressWarnings("unchecked")
    Map<String, Object> status = (Map<String, Object>) root.getAdditionalProperties().get("status");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> conditions = (List<Map<String, Object>>) status.get("conditions");
    assertThat(conditions)
        .anySatisfy(
            c -> {
              assertThat(c.get("type")).isEqualTo("Ready");
              assertThat(c.get("status")).isEqualTo("True");
            });
    return (String) status.get("lastAppliedRevision");
  }

  private static RevCommit head() throws IOException {
    try (Repository repository =
            new FileRepositoryBuilder()
                .setGitDir(git.repositoryDirectory("fleet").toFile())
                .build();
        RevWalk walk = new RevWalk(repository)) {
      ObjectId id = repository.resolve("refs/heads/main");
      RevCommit commit = walk.parseCommit(id);
      walk.parseBody(commit);
      return commit;
    }
  }

  private static String file(RevCommit commit, String path) throws IOException {
    try (Repository repository =
            new FileRepositoryBuilder()
                .setGitDir(git.repositoryDirectory("fleet").toFile())
                .build();
        TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
      assertThat(walk).as(path + " in " + commit.getName()).isNotNull();
      return new String(repository.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}

package dev.cairn.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.CairnApi;
import dev.cairn.cli.cluster.ObjectStatus;
import dev.cairn.sim.git.GitWorkingCopy;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One running {@code cairn up} on a clone with a remote and a {@code --git-alias}: GitRepositories
 * naming those URLs (in any spelling) fetch the served copies, and a push to the served copy lands
 * in the working copy the user sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpGitAliasIT {
  static final String REMOTE = "git@github.com:org/fleet-infra.git";
  static final String ALIAS = "https://git.example.com/Team/extra";

  @TempDir static Path temp;
  private UpSession session;
  private KubernetesClient kubectl;

  @BeforeAll
  void start() throws Exception {
    Path fleet = temp.resolve("fleet-clone");
    GitWorkingCopy clone = GitWorkingCopy.init(fleet);
    Files.walk(UpSessionIT.FLEET)
        .filter(Files::isRegularFile)
        .forEach(
            f -> {
              try {
                clone.write(UpSessionIT.FLEET.relativize(f).toString(), Files.readString(f));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    clone.git("remote", "add", "origin", REMOTE);
    clone.commitAll("fleet");
    Path extra = temp.resolve("extra");
    Files.createDirectories(extra.resolve("config"));
    Files.writeString(
        extra.resolve("config/extra.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n  namespace: default\n");
    UpSettings settings =
        UpSettings.defaults()
            .withFleet(fleet)
            .withWorkDir(temp.resolve("up"))
            .withGitAliases(Map.of(ALIAS, extra));
    session =
        UpSession.start(
            settings, RuntimeControllers::start, new PrintWriter(new StringWriter(), true));
    kubectl =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(null, session.kubeconfig().toFile()))
            .build();
  }

  @AfterAll
  void stop() {
    kubectl.close();
    session.close();
  }

  @Test
  void gitRepositoriesNamingTheRemoteOrTheAliasFetchTheServedCopies() {
    gitRepository("by-remote", "https://GITHUB.com/org/fleet-infra/", "main");
    gitRepository("by-alias", "https://git.example.com/Team/extra.git", "main");

    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () -> {
              ObjectStatus byRemote = status("by-remote");
              ObjectStatus byAlias = status("by-alias");
              assertThat(byRemote.readyTrue()).as(byRemote.toString()).isTrue();
              assertThat(byAlias.readyTrue()).as(byAlias.toString()).isTrue();
            });
    assertThat(status("by-remote").revision())
        .isEqualTo("main@sha1:" + GitWorkingCopy.init(temp.resolve("up/fleet")).head());
  }

  @Test
  void aPushToTheServedCopyLandsInTheWorkingCopy() throws Exception {
    Path other = temp.resolve("other");
    Git.cloneRepository().setURI(session.servedUrl()).setDirectory(other.toFile()).call().close();
    GitWorkingCopy pusher = GitWorkingCopy.init(other);
    pusher.write("apps/web/pushed.yaml", "# pushed\n").commitAll("pushed from elsewhere");
    pusher.git("push", "-q", "origin", "main");

    Path workingCopy = temp.resolve("up/fleet");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(workingCopy.resolve("apps/web/pushed.yaml")).hasContent("# pushed");
              assertThat(GitWorkingCopy.init(workingCopy).git("status", "--porcelain")).isEmpty();
            });
  }

  private ObjectStatus status(String name) {
    return session.statuses().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private void gitRepository(String name, String url, String branch) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion(CairnApi.API_VERSION);
    object.setKind("GitRepository");
    object.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    object.setAdditionalProperty(
        "spec", Map.of("url", url, "interval", "1m", "ref", Map.of("branch", branch)));
    kubectl
        .genericKubernetesResources(CairnApi.API_VERSION, "GitRepository")
        .inNamespace("default")
        .resource(object)
        .create();
  }
}

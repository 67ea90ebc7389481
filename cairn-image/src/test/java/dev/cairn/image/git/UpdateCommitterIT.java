package dev.cairn.image.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.image.setters.PolicyPick;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.SourceException;
import dev.cairn.source.git.GitCredentials;
import dev.cairn.source.git.GitSourceSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the test kit's Git HTTP server (receive-pack on, basic auth). */
class UpdateCommitterIT {
  private static final String USER = "bot";
  private static final String PASSWORD = "s3cr3t-push-password";
  private static final Map<String, PolicyPick> PICKS =
      Map.of("flux-system:api", new PolicyPick("ghcr.io/acme/api", "v1.2.0", null));

  @TempDir static Path shared;
  private static GitHttpServer server;

  @TempDir Path work;

  @BeforeAll
  static void start() {
    server = GitHttpServer.start(shared.resolve("repos"), USER, PASSWORD);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private String repository(String name) {
    String url = server.createRepository(name);
    GitWorkingCopy seed =
        GitWorkingCopy.init(work.resolve("seed-" + name)).withBasicAuth(USER, PASSWORD);
    seed.write(
            "apps/dev/deployment.yaml",
            "kind: Deployment\nmetadata:\n  name: api\nspec:\n  # pinned by automation\n"
                + "  image: ghcr.io/acme/api:v1.0.0 # {\"$imagepolicy\": \"flux-system:api\"}\n")
        .write(
            "other/deployment.yaml",
            "image: ghcr.io/acme/api:v1.0.0 # {\"$imagepolicy\": \"flux-system:api\"}\n")
        .commitAll("seed");
    seed.push(url, "HEAD:refs/heads/main");
    return url;
  }

  private UpdateRequest request(String url, String pushBranch) {
    GitSourceSpec source =
        GitSourceSpec.of(url).withCredentials(GitCredentials.basic(USER, PASSWORD));
    return new UpdateRequest(
        source, "main", pushBranch, null, "./apps", "Cairn Bot", "bot@cairn.dev", PICKS);
  }

  private UpdateCommitter committer() {
    return new UpdateCommitter(
        work.resolve("automation"),
        Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
  }

  private GitWorkingCopy cloneOf(String url, String name) {
    GitWorkingCopy copy = GitWorkingCopy.init(work.resolve(name)).withBasicAuth(USER, PASSWORD);
    copy.git("fetch", "-q", url, "+refs/heads/*:refs/remotes/origin/*");
    return copy;
  }

  @Test
  void commitsTheMarkedLinesUnderThePathOnceAndThenNothing() throws SourceException {
    String url = repository("once");

    UpdateResult first = committer().run(request(url, null), changes -> "update " + changes.size());
    UpdateResult second = committer().run(request(url, null), changes -> "never");

    assertThat(first.pushed()).isTrue();
    assertThat(first.changes()).hasSize(1);
    assertThat(second.pushed()).isFalse();
    GitWorkingCopy check = cloneOf(url, "check-once");
    assertThat(check.git("rev-parse", "origin/main").strip()).isEqualTo(first.commit());
    assertThat(check.git("log", "-1", "--format=%an <%ae> %aI|%cn|%s", "origin/main").strip())
        .isEqualTo("Cairn Bot <bot@cairn.dev> 2026-01-02T03:04:05+00:00|Cairn Bot|update 1");
    assertThat(check.git("show", "origin/main:apps/dev/deployment.yaml"))
        .contains("  # pinned by automation\n")
        .contains("image: ghcr.io/acme/api:v1.2.0 # {\"$imagepolicy\": \"flux-system:api\"}");
    assertThat(check.git("show", "origin/main:other/deployment.yaml")).contains("v1.0.0");
    assertThat(check.git("rev-list", "--count", "origin/main").strip()).isEqualTo("2");
  }

  @Test
  void aPushRejectedBecauseTheBranchMovedIsRetriedOnTheNewHead() throws SourceException {
    String url = repository("moved");
    AtomicBoolean raced = new AtomicBoolean();
    String[] other = new String[1];

    UpdateResult result =
        committer()
            .run(
                request(url, null),
                changes -> {
                  if (raced.compareAndSet(false, true)) {
                    // Someone else pushes between the clone and the automation's push.
                    GitWorkingCopy racer = cloneOf(url, "racer");
                    racer.git("checkout", "-q", "-b", "main", "origin/main");
                    racer.write("README.md", "hello\n");
                    racer.commitAll("docs");
                    racer.git("push", "-q", url, "main:main");
                    other[0] = racer.head();
                  }
                  return "automation";
                });

    assertThat(result.attempts()).isEqualTo(2);
    assertThat(result.base()).isEqualTo(other[0]);
    GitWorkingCopy check = cloneOf(url, "check-moved");
    assertThat(check.git("rev-parse", "origin/main~1").strip())
        .as("the other commit is kept, under the automation's")
        .isEqualTo(other[0]);
    assertThat(check.git("show", "origin/main:apps/dev/deployment.yaml")).contains("v1.2.0");
  }

  @Test
  void aPushBranchGetsTheCommitAndTheCheckoutBranchStays() throws SourceException {
    String url = repository("branch");

    UpdateResult first = committer().run(request(url, "image-updates"), changes -> "first");
    assertThat(first.pushed()).isTrue();
    GitWorkingCopy check = cloneOf(url, "check-branch");
    assertThat(check.git("show", "origin/main:apps/dev/deployment.yaml")).contains("v1.0.0");
    assertThat(check.git("show", "origin/image-updates:apps/dev/deployment.yaml"))
        .contains("v1.2.0");

    Map<String, PolicyPick> newer =
        Map.of("flux-system:api", new PolicyPick("ghcr.io/acme/api", "v1.3.0", null));
    UpdateRequest again = request(url, "image-updates");
    again =
        new UpdateRequest(
            again.source(),
            "main",
            "image-updates",
            null,
            "apps",
            "Cairn Bot",
            "bot@cairn.dev",
            newer);
    UpdateResult second = committer().run(again, changes -> "second");

    assertThat(second.base()).as("built on the existing push branch").isEqualTo(first.commit());
    GitWorkingCopy after = cloneOf(url, "check-branch-2");
    assertThat(after.git("log", "--format=%s", "origin/image-updates").lines().toList())
        .containsExactly("second", "first", "seed");
  }

  @Test
  void anUpdatePathOutsideTheRepositoryIsRefused() {
    String url = repository("escape");
    UpdateRequest request = request(url, null);
    UpdateRequest escaping =
        new UpdateRequest(
            request.source(), "main", null, null, "../..", "a", "a@b.c", request.picks());

    assertThatThrownBy(() -> committer().run(escaping, changes -> "x"))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("update.path '../..' points outside the repository");
  }

  @Test
  void wrongCredentialsFailWithoutShowingThem() {
    String url = repository("auth");
    UpdateRequest request =
        new UpdateRequest(
            GitSourceSpec.of(url).withCredentials(GitCredentials.basic(USER, "wrong-" + PASSWORD)),
            "main",
            null,
            null,
            "apps",
            "a",
            "a@b.c",
            PICKS);

    assertThatThrownBy(() -> committer().run(request, changes -> "x"))
        .isInstanceOf(SourceException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
  }
}

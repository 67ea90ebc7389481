package dev.cairn.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.sim.git.GitHttpServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Git side of {@code cairn bootstrap git} against the test kit's Git server demanding a bearer
 * token: an empty repository gets the branch as its first commit, an unchanged rerun commits
 * nothing, and a wrong token fails without showing it.
 */
class BootstrapRepositoryIT {
  private static final String TOKEN = "bearer-token-91ad4e";
  @TempDir static Path temp;
  private static GitHttpServer git;

  @BeforeAll
  static void start() {
    git = GitHttpServer.startWithBearer(temp.resolve("repos"), TOKEN);
  }

  @AfterAll
  static void stop() {
    git.close();
  }

  @Test
  void anEmptyRepositoryGetsTheBranchAndAnUnchangedRerunCommitsNothing() throws Exception {
    String url = git.createRepository("empty");
    BootstrapSettings settings =
        new BootstrapSettings(
            url, "fleet", "./clusters/a/", "cairn-system", null, new GitAuth("git", TOKEN, true));
    Map<String, String> files = Map.of(settings.directory() + "/kustomization.yaml", "kind: X\n");
    PersonIdent author = new PersonIdent("Cairn", "cairn@localhost");

    String first;
    try (BootstrapRepository repository = BootstrapRepository.clone(settings)) {
      repository.write(files);
      first = repository.commitIfChanged("first", author).orElseThrow();
      repository.push();
    }
    assertThat(remoteHead("empty", "refs/heads/fleet")).isEqualTo(first);

    try (BootstrapRepository repository = BootstrapRepository.clone(settings)) {
      repository.write(files);
      Optional<String> again = repository.commitIfChanged("again", author);
      assertThat(again).isEmpty();
      assertThat(repository.head()).isEqualTo(first);
      repository.push();
    }
    assertThat(remoteHead("empty", "refs/heads/fleet")).isEqualTo(first);
    assertThat(settings.directory()).isEqualTo("clusters/a/cairn-system");
  }

  @Test
  void aRefusedTokenFailsWithoutShowingIt() {
    String url = git.createRepository("refused");
    BootstrapSettings settings =
        new BootstrapSettings(
            url,
            "main",
            "clusters/a",
            "cairn-system",
            null,
            new GitAuth("git", "wrong-1f2e", true));
    assertThatThrownBy(() -> BootstrapRepository.clone(settings).close())
        .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain("wrong-1f2e"));
  }

  @Test
  void urlsWithCredentialsSshUrlsAndPathsOutsideTheRepositoryAreRefused() {
    assertThatThrownBy(
            () ->
                new BootstrapSettings(
                    "https://u:secret-7@git.example.com/f.git",
                    "main",
                    "c",
                    "ns",
                    null,
                    GitAuth.none()))
        .hasMessageContaining("must not carry credentials")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-7"));
    assertThatThrownBy(
            () ->
                new BootstrapSettings(
                    "ssh://git@git.example.com/f.git", "main", "c", "ns", null, GitAuth.none()))
        .hasMessageContaining("SSH is not supported");
    assertThatThrownBy(
            () ->
                new BootstrapSettings(
                    "https://git.example.com/f.git", "main", "../c", "ns", null, GitAuth.none()))
        .hasMessageContaining("relative directory inside the repository");
  }

  private static String remoteHead(String name, String ref) throws Exception {
    try (Repository repository =
        new FileRepositoryBuilder().setGitDir(git.repositoryDirectory(name).toFile()).build()) {
      ObjectId id = repository.resolve(ref);
      return id == null ? null : id.getName();
    }
  }
}

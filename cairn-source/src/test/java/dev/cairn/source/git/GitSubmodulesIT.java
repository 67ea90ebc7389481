package dev.cairn.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recurseSubmodules} against a smart-HTTP server: an app whose {@code vendor/lib} is a
 * submodule (relative URL) pinned to an older commit of lib, and lib with a nested submodule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitSubmodulesIT {
  @TempDir static Path temp;
  private GitHttpServer server;
  private GitFetcher fetcher;
  private ArtifactStore store;
  private String pinnedLib;
  private String appUrl;

  @BeforeAll
  void buildRepositories() throws Exception {
    server = GitHttpServer.start(temp.resolve("server"));
    String baseUrl = server.createRepository("base");
    GitWorkingCopy base = GitWorkingCopy.init(temp.resolve("base"));
    base.write("crds/crd.yaml", "kind: CustomResourceDefinition\n");
    String baseSha = base.commitAll("base");
    base.push(baseUrl);

    String libUrl = server.createRepository("lib");
    GitWorkingCopy lib = GitWorkingCopy.init(temp.resolve("lib"));
    lib.write("deploy/service.yaml", "kind: Service # pinned\n");
    pinnedLib = commitWithSubmodule(lib, "deps/base", "../base.git", baseSha, "lib with base");
    lib.write("deploy/service.yaml", "kind: Service # newer, not pinned\n");
    lib.commitAll("newer lib");
    lib.push(libUrl);

    appUrl = server.createRepository("app");
    GitWorkingCopy app = GitWorkingCopy.init(temp.resolve("app"));
    app.write("app/a.yaml", "kind: ConfigMap\n");
    commitWithSubmodule(app, "vendor/lib", "../lib.git", pinnedLib, "app with lib");
    app.push(appUrl);

    String orphanUrl = server.createRepository("orphan");
    GitWorkingCopy orphan = GitWorkingCopy.init(temp.resolve("orphan"));
    orphan.write("a.yaml", "kind: ConfigMap\n");
    commitWithSubmodule(orphan, "vendor/lib", "../lib.git", "1".repeat(40), "lost pin");
    orphan.push(orphanUrl);

    store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    fetcher = new GitFetcher(temp.resolve("cache"), store);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /** Records a gitlink and its .gitmodules entry the way {@code git submodule add} would. */
  private static String commitWithSubmodule(
      GitWorkingCopy work, String path, String url, String commit, String message) {
    work.write(
        ".gitmodules",
        "[submodule \"" + path + "\"]\n\tpath = " + path + "\n\turl = " + url + "\n");
    work.git("add", "-A");
    work.git("update-index", "--add", "--cacheinfo", "160000," + commit + "," + path);
    work.git("commit", "-q", "-m", message);
    return work.head();
  }

  private static SourceKey key(String name) {
    return new SourceKey("gitrepository", "default", name);
  }

  private Path unpacked(GitFetchResult result, String name) throws Exception {
    Path out = Files.createDirectories(temp.resolve("out-" + name));
    store.extract(result.artifact(), out);
    return out;
  }

  @Test
  void submodulesAreArchivedAtTheCommitsTheirGitlinksPin() throws Exception {
    GitFetchResult result =
        fetcher.fetch(
            key("recursive"),
            GitSourceSpec.of(appUrl).withRef(GitRef.ofBranch("main")).withRecurseSubmodules(true));

    Path out = unpacked(result, "recursive");
    assertThat(out.resolve("app/a.yaml")).exists();
    assertThat(out.resolve("vendor/lib/deploy/service.yaml"))
        .hasContent("kind: Service # pinned\n");
    assertThat(out.resolve("vendor/lib/deps/base/crds/crd.yaml")).exists();
    // Flux's default excludes (.git*) hold inside submodules too
    assertThat(out.resolve("vendor/lib/.gitmodules")).doesNotExist();
    assertThat(out.resolve(".gitmodules")).doesNotExist();
  }

  @Test
  void aSubmoduleOnTheSameServerGetsTheSuperprojectsCredentials() throws Exception {
    try (GitHttpServer guarded = GitHttpServer.start(temp.resolve("guarded"), "fleet", "pw-123")) {
      String libUrl = guarded.createRepository("lib");
      GitWorkingCopy lib =
          GitWorkingCopy.init(temp.resolve("guarded-lib")).withBasicAuth("fleet", "pw-123");
      lib.write("deploy/service.yaml", "kind: Service\n");
      String sha = lib.commitAll("lib");
      lib.push(libUrl);
      String url = guarded.createRepository("app");
      GitWorkingCopy app =
          GitWorkingCopy.init(temp.resolve("guarded-app")).withBasicAuth("fleet", "pw-123");
      commitWithSubmodule(app, "vendor/lib", "../lib.git", sha, "app");
      app.push(url);

      GitFetchResult result =
          fetcher.fetch(
              key("guarded"),
              GitSourceSpec.of(url)
                  .withRef(GitRef.ofBranch("main"))
                  .withCredentials(GitCredentials.basic("fleet", "pw-123"))
                  .withRecurseSubmodules(true));

      assertThat(unpacked(result, "guarded").resolve("vendor/lib/deploy/service.yaml")).exists();
    }
  }

  @Test
  void withoutRecurseSubmodulesTheGitlinkIsSkipped() throws Exception {
    GitFetchResult result =
        fetcher.fetch(key("flat"), GitSourceSpec.of(appUrl).withRef(GitRef.ofBranch("main")));

    Path out = unpacked(result, "flat");
    assertThat(out.resolve("app/a.yaml")).exists();
    assertThat(out.resolve("vendor/lib")).doesNotExist();
  }

  @Test
  void aPinnedCommitOnNoBranchFailsAndNamesTheSubmodule() {
    assertThatThrownBy(
            () ->
                fetcher.fetch(
                    key("orphan"),
                    GitSourceSpec.of(server.url("orphan"))
                        .withRef(GitRef.ofBranch("main"))
                        .withRecurseSubmodules(true)))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.REFERENCE_NOT_FOUND);
              assertThat(e.getMessage())
                  .startsWith("submodule 'vendor/lib' of " + server.url("orphan"))
                  .contains("commit " + "1".repeat(40) + " is on no branch or tag of ")
                  .contains(server.url("lib"));
            });
  }
}

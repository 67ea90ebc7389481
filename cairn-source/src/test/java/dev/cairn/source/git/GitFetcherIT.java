package dev.cairn.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactInclude;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitFetcherIT {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  @TempDir static Path classTemp;
  private GitHttpServer server;

  @TempDir Path temp;
  private ArtifactStore store;
  private GitFetcher fetcher;

  @BeforeAll
  void startServer() {
    server = GitHttpServer.start(classTemp.resolve("server"));
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  @BeforeEach
  void newStoreAndCache() throws Exception {
    store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    fetcher = new GitFetcher(temp.resolve("cache"), store);
  }

  private record Remote(String url, GitWorkingCopy copy) {}

  private Remote newRemote() {
    String name = "repo" + COUNTER.incrementAndGet();
    String url = server.createRepository(name);
    GitWorkingCopy copy = GitWorkingCopy.init(temp.resolve("work-" + name));
    return new Remote(url, copy);
  }

  private static SourceKey key(String name) {
    return new SourceKey("gitrepository", "default", name);
  }

  private Path extract(StoredArtifact artifact) throws SourceException {
    Path out = temp.resolve("out-" + COUNTER.incrementAndGet());
    store.extract(artifact, out);
    return out;
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  @Test
  void fetchesABranchWithFluxRevision() throws Exception {
    Remote remote = newRemote();
    String head = remote.copy().write("deploy/cm.yaml", "kind: ConfigMap\n").commitAll("first");
    remote.copy().push(remote.url());

    GitFetchResult result =
        fetcher.fetch(
            key("branch"), GitSourceSpec.of(remote.url()).withRef(GitRef.ofBranch("main")));

    assertThat(result.revision()).isEqualTo("main@sha1:" + head);
    assertThat(result.commit()).isEqualTo(head);
    assertThat(result.artifact().revision()).isEqualTo(result.revision());
    assertThat(extract(result.artifact()).resolve("deploy/cm.yaml")).hasContent("kind: ConfigMap");
    assertThat(store.current(key("branch"))).contains(result.artifact());
  }

  @Test
  void fetchesARewrittenUrlFromItsReplacement() throws Exception {
    Remote remote = newRemote();
    String head = remote.copy().write("deploy/cm.yaml", "kind: ConfigMap\n").commitAll("first");
    remote.copy().push(remote.url());
    GitFetcher rewriting =
        new GitFetcher(
            temp.resolve("rewriting-cache"),
            store,
            Clock.systemUTC(),
            GitUrlRewrites.none().with("https://github.com/org/fleet-infra", remote.url()));

    GitFetchResult result =
        rewriting.fetch(
            key("rewritten"),
            GitSourceSpec.of("https://github.com/org/fleet-infra.git")
                .withRef(GitRef.ofBranch("main"))
                .withCredentials(GitCredentials.basic("git", "token-for-github")));

    assertThat(result.revision()).isEqualTo("main@sha1:" + head);
    assertThat(files(extract(result.artifact()))).contains("deploy/cm.yaml");
  }

  @Test
  void defaultsToBranchMasterLikeFlux() throws Exception {
    Remote remote = newRemote();
    remote.copy().write("a.yaml", "a").commitAll("on main");
    remote.copy().push(remote.url(), "main:refs/heads/master");

    GitFetchResult result = fetcher.fetch(key("default"), GitSourceSpec.of(remote.url()));

    assertThat(result.revision()).startsWith("master@sha1:");
  }

  @Test
  void fetchesLightweightAndAnnotatedTagsByCommit() throws Exception {
    Remote remote = newRemote();
    String first = remote.copy().write("v.txt", "1").commitAll("one");
    remote.copy().tag("v1.0.0");
    String second = remote.copy().write("v.txt", "2").commitAll("two");
    remote.copy().annotatedTag("v1.1.0", "release 1.1.0");
    remote.copy().push(remote.url());

    GitFetchResult light =
        fetcher.fetch(key("light"), GitSourceSpec.of(remote.url()).withRef(GitRef.ofTag("v1.0.0")));
    GitFetchResult annotated =
        fetcher.fetch(key("annot"), GitSourceSpec.of(remote.url()).withRef(GitRef.ofTag("v1.1.0")));

    assertThat(light.revision()).isEqualTo("v1.0.0@sha1:" + first);
    assertThat(extract(light.artifact()).resolve("v.txt")).hasContent("1");
    assertThat(annotated.revision()).isEqualTo("v1.1.0@sha1:" + second);
    assertThat(extract(annotated.artifact()).resolve("v.txt")).hasContent("2");
  }

  @Test
  void semverPicksTheHighestMatchingTagAndWinsOverTagAndBranch() throws Exception {
    Remote remote = newRemote();
    remote.copy().write("v.txt", "1.0.0").commitAll("a");
    remote.copy().tag("v1.0.0");
    String wanted = remote.copy().write("v.txt", "1.4.2").commitAll("b");
    remote.copy().tag("v1.4.2");
    remote.copy().write("v.txt", "2.0.0").commitAll("c");
    remote.copy().tag("v2.0.0").tag("not-semver").tag("v1.5.0-rc.1");
    remote.copy().push(remote.url());

    GitRef ref = GitRef.ofBranch("main").withTag("v1.0.0").withSemver(">=1.0.0 <2.0.0");
    GitFetchResult result =
        fetcher.fetch(key("semver"), GitSourceSpec.of(remote.url()).withRef(ref));

    assertThat(result.revision()).isEqualTo("v1.4.2@sha1:" + wanted);
    assertThat(extract(result.artifact()).resolve("v.txt")).hasContent("1.4.2");
  }

  @Test
  void semverWithoutMatchIsReferenceNotFound() throws Exception {
    Remote remote = newRemote();
    remote.copy().write("v.txt", "1").commitAll("a");
    remote.copy().tag("v1.0.0").push(remote.url());

    assertThatThrownBy(
            () ->
                fetcher.fetch(
                    key("nosemver"),
                    GitSourceSpec.of(remote.url()).withRef(GitRef.ofSemver(">=3.0.0"))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.REFERENCE_NOT_FOUND);
              assertThat(e.getMessage()).contains(">=3.0.0", remote.url());
            });
  }

  @Test
  void commitWinsOverBranchAndFormatsLikeFlux() throws Exception {
    Remote remote = newRemote();
    String old = remote.copy().write("v.txt", "old").commitAll("old");
    remote.copy().write("v.txt", "new").commitAll("new");
    remote.copy().push(remote.url());

    GitFetchResult onBranch =
        fetcher.fetch(
            key("commitbranch"),
            GitSourceSpec.of(remote.url()).withRef(GitRef.ofBranch("main").withCommit(old)));
    GitFetchResult bare =
        fetcher.fetch(key("commit"), GitSourceSpec.of(remote.url()).withRef(GitRef.ofCommit(old)));

    assertThat(onBranch.revision()).isEqualTo("main@sha1:" + old);
    assertThat(bare.revision()).isEqualTo("sha1:" + old);
    assertThat(extract(bare.artifact()).resolve("v.txt")).hasContent("old");
  }

  @Test
  void namedReferenceKeepsItsFullName() throws Exception {
    Remote remote = newRemote();
    remote.copy().write("a", "main").commitAll("main");
    remote.copy().checkoutNewBranch("feature");
    String pr = remote.copy().write("a", "pr").commitAll("pr");
    remote.copy().push(remote.url(), "main:refs/heads/main", "feature:refs/pull/7/head");

    GitFetchResult result =
        fetcher.fetch(
            key("named"),
            GitSourceSpec.of(remote.url())
                .withRef(GitRef.ofBranch("main").withName("refs/pull/7/head")));

    assertThat(result.revision()).isEqualTo("refs/pull/7/head@sha1:" + pr);
  }

  @Test
  void incrementalFetchMovesOnlyTheNewObjects() throws Exception {
    Remote remote = newRemote();
    for (int i = 0; i < 80; i++) {
      remote.copy().write("dir" + (i % 4) + "/file" + i + ".yaml", "value: " + i + "\n");
    }
    remote.copy().commitAll("80 files");
    remote.copy().push(remote.url());
    GitSourceSpec spec = GitSourceSpec.of(remote.url()).withRef(GitRef.ofBranch("main"));

    GitFetchResult first = fetcher.fetch(key("incr"), spec);
    GitFetchResult unchanged = fetcher.fetch(key("incr"), spec);
    String next = remote.copy().write("dir1/file1.yaml", "value: changed\n").commitAll("one");
    remote.copy().push(remote.url());
    GitFetchResult second = fetcher.fetch(key("incr"), spec);

    // 80 blobs + 4 subtrees + root tree + commit
    assertThat(first.objectsReceived()).isGreaterThanOrEqualTo(86);
    assertThat(unchanged.objectsReceived()).isZero();
    // the commit, the root tree, dir1's tree and one blob
    assertThat(second.objectsReceived()).isBetween(1L, 4L);
    assertThat(second.revision()).isEqualTo("main@sha1:" + next);
    assertThat(extract(second.artifact()).resolve("dir1/file1.yaml")).hasContent("value: changed");
    assertThat(files(extract(second.artifact()))).hasSize(80);
  }

  @Test
  void olderCommitAfterAShallowBranchFetchDeepensTheMirror() throws Exception {
    Remote remote = newRemote();
    String old = remote.copy().write("v.txt", "old").commitAll("old");
    remote.copy().write("v.txt", "mid").commitAll("mid");
    String tip = remote.copy().write("v.txt", "tip").commitAll("tip");
    remote.copy().push(remote.url());

    GitFetchResult shallow =
        fetcher.fetch(
            key("deepen"), GitSourceSpec.of(remote.url()).withRef(GitRef.ofBranch("main")));
    GitFetchResult deep =
        fetcher.fetch(
            key("deepen"),
            GitSourceSpec.of(remote.url()).withRef(GitRef.ofBranch("main").withCommit(old)));

    assertThat(shallow.commit()).isEqualTo(tip);
    assertThat(deep.revision()).isEqualTo("main@sha1:" + old);
    assertThat(extract(deep.artifact()).resolve("v.txt")).hasContent("old");
  }

  @Test
  void mirrorSurvivesARestartOfTheFetcher() throws Exception {
    Remote remote = newRemote();
    remote.copy().write("a", "a").commitAll("a");
    remote.copy().push(remote.url());
    GitSourceSpec spec = GitSourceSpec.of(remote.url()).withRef(GitRef.ofBranch("main"));
    GitFetchResult first = fetcher.fetch(key("restart"), spec);

    GitFetcher restarted = new GitFetcher(temp.resolve("cache"), store);
    GitFetchResult again = restarted.fetch(key("restart"), spec);

    assertThat(first.objectsReceived()).isPositive();
    assertThat(again.objectsReceived()).isZero();
    assertThat(again.artifact()).isEqualTo(first.artifact());
  }

  @Test
  void mirrorsUnusedSinceTheCutoffAreDeletedAndClonedAgainWhenNeeded() throws Exception {
    Remote old = newRemote();
    old.copy().write("a", "a").commitAll("a");
    old.copy().push(old.url());
    Remote recent = newRemote();
    recent.copy().write("b", "b").commitAll("b");
    recent.copy().push(recent.url());
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    GitSourceSpec oldSpec = GitSourceSpec.of(old.url()).withRef(GitRef.ofBranch("main"));
    GitSourceSpec recentSpec = GitSourceSpec.of(recent.url()).withRef(GitRef.ofBranch("main"));
    new GitFetcher(temp.resolve("cache"), store, Clock.fixed(start, ZoneOffset.UTC))
        .fetch(key("old"), oldSpec);
    GitFetcher later =
        new GitFetcher(
            temp.resolve("cache"),
            store,
            Clock.fixed(start.plus(Duration.ofDays(10)), ZoneOffset.UTC));
    later.fetch(key("recent"), recentSpec);

    int deleted = later.deleteMirrorsUnusedSince(start.plus(Duration.ofDays(3)));

    assertThat(deleted).isEqualTo(1);
    assertThat(later.deleteMirrorsUnusedSince(start.plus(Duration.ofDays(3)))).isZero();
    assertThat(later.fetch(key("recent"), recentSpec).objectsReceived()).isZero();
    GitFetchResult recloned = later.fetch(key("old"), oldSpec);
    assertThat(recloned.objectsReceived()).isPositive();
    assertThat(files(extract(recloned.artifact()))).containsExactly("a");
  }

  @Test
  void anUnchangedRevisionIsNotArchivedAgainAfterARestart() throws Exception {
    Remote remote = newRemote();
    remote.copy().write("a.yaml", "a").write("b.yaml", "b").commitAll("two files");
    remote.copy().push(remote.url());
    GitSourceSpec spec = GitSourceSpec.of(remote.url()).withRef(GitRef.ofBranch("main"));
    GitFetchResult first = fetcher.fetch(key("skip"), spec);
    GitFetchResult inMemory = fetcher.fetch(key("skip"), spec);

    GitFetchResult afterRestart =
        new GitFetcher(temp.resolve("cache"), store).fetch(key("skip"), spec);
    GitFetchResult otherIgnore =
        new GitFetcher(temp.resolve("cache"), store)
            .fetch(key("skip"), spec.withIgnore(List.of("b.yaml")));
    remote.copy().write("c.yaml", "c").commitAll("third");
    remote.copy().push(remote.url());
    GitFetchResult newCommit =
        new GitFetcher(temp.resolve("cache"), store)
            .fetch(key("skip"), spec.withIgnore(List.of("b.yaml")));

    assertThat(first.archived()).isTrue();
    assertThat(inMemory.archived()).isFalse();
    assertThat(afterRestart.archived()).isFalse();
    assertThat(afterRestart.artifact()).isEqualTo(first.artifact());
    assertThat(otherIgnore.archived()).isTrue();
    assertThat(files(extract(otherIgnore.artifact()))).containsExactly("a.yaml");
    assertThat(newCommit.archived()).isTrue();
    assertThat(files(extract(newCommit.artifact()))).containsExactly("a.yaml", "c.yaml");
  }

  @Test
  void changedIgnoreRulesProduceANewArtifactForTheSameRevision() throws Exception {
    Remote remote = newRemote();
    remote.copy().write("a.yaml", "a").write("b.yaml", "b").commitAll("two files");
    remote.copy().push(remote.url());
    GitSourceSpec spec = GitSourceSpec.of(remote.url()).withRef(GitRef.ofBranch("main"));

    GitFetchResult all = fetcher.fetch(key("reignore"), spec);
    GitFetchResult same = fetcher.fetch(key("reignore"), spec);
    GitFetchResult fewer = fetcher.fetch(key("reignore"), spec.withIgnore(List.of("b.yaml")));

    assertThat(same.artifact()).isEqualTo(all.artifact());
    assertThat(fewer.revision()).isEqualTo(all.revision());
    assertThat(fewer.artifact().digest()).isNotEqualTo(all.artifact().digest());
    assertThat(files(extract(fewer.artifact()))).containsExactly("a.yaml");
  }

  @Test
  void honoursSourceIgnoreSpecIgnoreAndFluxDefaults() throws Exception {
    Remote remote = newRemote();
    remote
        .copy()
        .write(".sourceignore", "secret/\n*.md\n")
        .write("apps/.sourceignore", "local.yaml\n")
        .write("apps/local.yaml", "x")
        .write("apps/app.yaml", "x")
        .write("local.yaml", "root one is not under apps")
        .write("README.md", "x")
        .write("secret/key.yaml", "x")
        .write(".github/workflows/ci.yaml", "x")
        .write("logo.png", "x")
        .write("keep.png", "x")
        .write(".gitignore", "x")
        .write("drop/me.yaml", "x");
    remote.copy().commitAll("tree");
    remote.copy().push(remote.url());

    GitFetchResult result =
        fetcher.fetch(
            key("ignore"),
            GitSourceSpec.of(remote.url())
                .withRef(GitRef.ofBranch("main"))
                .withIgnore(List.of("/drop/", "!keep.png")));

    assertThat(files(extract(result.artifact())))
        .containsExactly(
            ".sourceignore", "apps/.sourceignore", "apps/app.yaml", "keep.png", "local.yaml");
  }

  @Test
  void unknownBranchIsTypedAndKeepsTheLastGoodArtifact() throws Exception {
    Remote remote = newRemote();
    remote.copy().write("a", "a").commitAll("a");
    remote.copy().push(remote.url());
    StoredArtifact good =
        fetcher
            .fetch(key("keep"), GitSourceSpec.of(remote.url()).withRef(GitRef.ofBranch("main")))
            .artifact();

    assertThatThrownBy(
            () ->
                fetcher.fetch(
                    key("keep"), GitSourceSpec.of(remote.url()).withRef(GitRef.ofBranch("nope"))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.REFERENCE_NOT_FOUND);
              assertThat(e.reason().conditionReason()).isEqualTo("GitOperationFailed");
              assertThat(e.getMessage()).contains("branch 'nope'", remote.url());
            });
    assertThat(store.current(key("keep"))).contains(good);
    assertThat(store.fileOf(good)).exists();
  }

  @Test
  void malformedReferenceNamesAreInvalidSpecBeforeAnyNetwork() {
    int before = server.requestCount();
    for (GitRef ref :
        List.of(
            GitRef.ofBranch("has space"),
            GitRef.ofTag("v1..0"),
            GitRef.ofName("heads/main"),
            GitRef.ofCommit("abc123"),
            GitRef.ofSemver("not a range"))) {
      assertThatThrownBy(
              () -> fetcher.fetch(key("malformed"), GitSourceSpec.of(server.url("x")).withRef(ref)))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> assertThat(e.reason()).isEqualTo(SourceReason.INVALID_SPEC));
    }
    assertThat(server.requestCount()).isEqualTo(before);
  }

  @Test
  void closedPortIsGitOperationFailed() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/nothing.git";
    assertThatThrownBy(
            () ->
                fetcher.fetch(
                    key("closed"),
                    GitSourceSpec.of(url)
                        .withRef(GitRef.ofBranch("main"))
                        .withTimeout(Duration.ofSeconds(5))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.GIT_OPERATION_FAILED);
              assertThat(e.getMessage()).contains("127.0.0.1:" + port);
            });
  }

  @Test
  void silentServerHitsTheTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + silent.getLocalPort() + "/silent.git";
      assertThatThrownBy(
              () ->
                  fetcher.fetch(
                      key("silent"),
                      GitSourceSpec.of(url)
                          .withRef(GitRef.ofBranch("main"))
                          .withTimeout(Duration.ofSeconds(1))))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(SourceReason.GIT_OPERATION_FAILED);
                assertThat(e.getMessage()).containsIgnoringCase("timed out");
              });
    }
  }

  @Test
  void parallelFetchesOfOneUrlShareTheMirrorSafely() throws Exception {
    Remote remote = newRemote();
    String head = remote.copy().write("a", "a").commitAll("a");
    remote.copy().push(remote.url());
    GitSourceSpec spec = GitSourceSpec.of(remote.url()).withRef(GitRef.ofBranch("main"));

    List<java.util.concurrent.Future<GitFetchResult>> results;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Callable<GitFetchResult>> jobs = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        SourceKey k = key("parallel" + i);
        jobs.add(() -> fetcher.fetch(k, spec));
      }
      results = pool.invokeAll(jobs);
    } finally {
      pool.shutdown();
    }
    List<Long> received = new java.util.ArrayList<>();
    for (var result : results) {
      assertThat(result.get().revision()).isEqualTo("main@sha1:" + head);
      received.add(result.get().objectsReceived());
    }
    // the mirror lock serialises the fetches: one moves the objects, the others find it current
    assertThat(received.stream().filter(n -> n > 0)).hasSize(1);
    assertThat(received.stream().filter(n -> n == 0)).hasSize(3);
  }

  @Test
  void invalidUrlsAreUrlInvalidWithoutEchoingPasswords() {
    for (String url :
        List.of(
            "ftp://example.org/x.git",
            "not a url",
            "https:///nohost",
            "https://bob:hunter22@h/x")) {
      assertThatThrownBy(() -> fetcher.fetch(key("badurl"), GitSourceSpec.of(url)))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(SourceReason.URL_INVALID);
                assertThat(e.getMessage()).doesNotContain("hunter22");
              });
    }
  }

  @Test
  void includeComposesAnotherSourcesArtifact() throws Exception {
    Remote app = newRemote();
    app.copy().write("app.yaml", "app").write("shared/old.yaml", "old").commitAll("app");
    app.copy().push(app.url());
    Remote lib = newRemote();
    lib.copy().write("base/lib.yaml", "lib").write("other.yaml", "other").commitAll("lib");
    lib.copy().push(lib.url());

    GitSourceSpec main = GitSourceSpec.of(lib.url()).withRef(GitRef.ofBranch("main"));
    StoredArtifact included = fetcher.fetch(key("lib"), main).artifact();
    GitFetchResult composed =
        fetcher.fetch(
            key("app"),
            GitSourceSpec.of(app.url()).withRef(GitRef.ofBranch("main")),
            List.of(new ArtifactInclude(included, "base", "shared")));

    assertThat(files(extract(composed.artifact()))).containsExactly("app.yaml", "shared/lib.yaml");
    assertThat(composed.artifact().revision()).isEqualTo(composed.revision());
  }

  @Test
  void fileUrlsWork() throws Exception {
    Remote remote = newRemote();
    String head = remote.copy().write("a", "a").commitAll("a");
    remote.copy().push(remote.url());
    String fileUrl =
        server
            .repositoryDirectory(remote.url().replaceAll(".*/(.*)\\.git", "$1"))
            .toUri()
            .toString();

    GitFetchResult result =
        fetcher.fetch(key("file"), GitSourceSpec.of(fileUrl).withRef(GitRef.ofBranch("main")));

    assertThat(result.revision()).isEqualTo("main@sha1:" + head);
  }
}

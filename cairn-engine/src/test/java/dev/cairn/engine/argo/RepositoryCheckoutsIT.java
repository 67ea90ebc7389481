package dev.cairn.engine.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.git.GitCredentials;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.source.git.GitSourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Applications of one repository share its fetches and checkouts ({@link RepositoryCheckouts}):
 * many concurrent requests cost one fetch per new commit, against the real Git server.
 */
class RepositoryCheckoutsIT {
  private static final int APPS = 12;

  private static Path temp;
  private static GitHttpServer server;
  private static ArtifactStore store;

  @BeforeAll
  static void start() throws Exception {
    temp = Files.createTempDirectory("repository-checkouts-it-");
    server = GitHttpServer.start(temp.resolve("repos"));
    store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String repository(String name) {
    String url = server.createRepository(name);
    try {
      Files.writeString(server.repositoryDirectory(name).resolve("HEAD"), "ref: refs/heads/main\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return url;
  }

  private static GitWorkingCopy workingCopy() throws Exception {
    return GitWorkingCopy.init(Files.createTempDirectory(temp, "work"));
  }

  @Test
  void manyApplicationsOfOneRepositoryFetchOncePerNewCommit() throws Exception {
    String url = repository("shared");
    GitWorkingCopy work = workingCopy();
    work.write("apps/app-0001/cm.yaml", "v1\n");
    String first = work.commitAll("first");
    work.push(url);
    AtomicLong now = new AtomicLong();
    try (RepositoryCheckouts checkouts =
        new RepositoryCheckouts(new GitFetcher(temp.resolve("git-shared"), store), now::get)) {
      RepositoryCheckouts.Request request =
          new RepositoryCheckouts.Request(GitSourceSpec.of(url), "HEAD");

      List<RepositoryCheckouts.Checkout> wave = concurrently(checkouts, request);
      assertThat(checkouts.fetchCount()).isEqualTo(1);
      assertThat(wave).extracting(RepositoryCheckouts.Checkout::commit).containsOnly(first);
      assertThat(wave).extracting(c -> c.lease().dir()).hasSize(APPS).containsOnly(dirOf(wave));
      assertThat(dirOf(wave).resolve("apps/app-0001/cm.yaml")).hasContent("v1");

      // Runs that began no later than that fetch started are answered without asking the server.
      int requests = server.requestCount();
      List<RepositoryCheckouts.Checkout> again = concurrently(checkouts, request);
      assertThat(checkouts.fetchCount()).isEqualTo(1);
      assertThat(server.requestCount()).isEqualTo(requests);
      assertThat(again).extracting(c -> c.lease().dir()).containsOnly(dirOf(wave));

      work.write("apps/app-0001/cm.yaml", "v2\n");
      String second = work.commitAll("second");
      work.push(url);
      now.incrementAndGet();

      List<RepositoryCheckouts.Checkout> next = concurrently(checkouts, request);
      assertThat(checkouts.fetchCount())
          .as("a run that began after the push never takes the earlier fetch")
          .isEqualTo(2);
      assertThat(next).extracting(RepositoryCheckouts.Checkout::commit).containsOnly(second);
      assertThat(dirOf(next)).isNotEqualTo(dirOf(wave));
      assertThat(dirOf(next).resolve("apps/app-0001/cm.yaml")).hasContent("v2");
      assertThat(dirOf(wave).resolve("apps/app-0001/cm.yaml"))
          .as("runs still reading the first commit keep their tree")
          .hasContent("v1");
      for (List<RepositoryCheckouts.Checkout> checkoutsOfAWave : List.of(wave, again, next)) {
        checkoutsOfAWave.forEach(c -> c.lease().close());
      }
    }
  }

  @Test
  void aLaterRunOfAnUnmovedReferenceListsTheRemoteInsteadOfFetching() throws Exception {
    String url = repository("unmoved");
    GitWorkingCopy work = workingCopy();
    work.write("README", "one\n");
    String first = work.commitAll("one");
    work.push(url);
    AtomicLong now = new AtomicLong();
    try (RepositoryCheckouts checkouts =
        new RepositoryCheckouts(new GitFetcher(temp.resolve("git-unmoved"), store), now::get)) {
      RepositoryCheckouts.Request request =
          new RepositoryCheckouts.Request(GitSourceSpec.of(url), "main");
      RepositoryCheckouts.Checkout one = checkouts.checkout(request, now.get());
      now.incrementAndGet();
      RepositoryCheckouts.Checkout two = checkouts.checkout(request, now.get());
      assertThat(checkouts.fetchCount()).isEqualTo(2);
      assertThat(checkouts.mirrorFetchCount()).as("the branch did not move").isEqualTo(1);
      assertThat(two.commit()).isEqualTo(first);
      assertThat(two.lease().dir()).isEqualTo(one.lease().dir());

      work.write("README", "two\n");
      String second = work.commitAll("two");
      work.push(url);
      now.incrementAndGet();
      RepositoryCheckouts.Checkout three = checkouts.checkout(request, now.get());
      assertThat(checkouts.mirrorFetchCount()).as("the branch moved").isEqualTo(2);
      assertThat(three.commit()).isEqualTo(second);
      assertThat(three.lease().dir().resolve("README")).hasContent("two");

      RepositoryCheckouts.Request pinned =
          new RepositoryCheckouts.Request(GitSourceSpec.of(url), first);
      checkouts.checkout(pinned, now.get()).lease().close();
      now.incrementAndGet();
      RepositoryCheckouts.Checkout again = checkouts.checkout(pinned, now.get());
      assertThat(checkouts.mirrorFetchCount()).as("a commit never moves").isEqualTo(3);
      assertThat(again.lease().dir().resolve("README")).hasContent("one");
      List.of(one, two, three, again).forEach(c -> c.lease().close());
    }
  }

  @Test
  void otherCredentialsAndOtherRevisionsDoNotShareAFetch() throws Exception {
    String url = repository("separate");
    GitWorkingCopy work = workingCopy();
    work.write("README", "one\n");
    String commit = work.commitAll("one");
    work.push(url);
    try (RepositoryCheckouts checkouts =
        new RepositoryCheckouts(new GitFetcher(temp.resolve("git-separate"), store), () -> 0L)) {
      GitSourceSpec anonymous = GitSourceSpec.of(url);
      GitSourceSpec withCredentials =
          anonymous.withCredentials(GitCredentials.basic("reader", "secret"));
      List<RepositoryCheckouts.Checkout> leases = new ArrayList<>();
      leases.add(checkouts.checkout(new RepositoryCheckouts.Request(anonymous, "HEAD"), 0L));
      leases.add(checkouts.checkout(new RepositoryCheckouts.Request(withCredentials, "HEAD"), 0L));
      leases.add(checkouts.checkout(new RepositoryCheckouts.Request(anonymous, "main"), 0L));
      assertThat(checkouts.fetchCount()).isEqualTo(3);
      assertThat(leases).extracting(RepositoryCheckouts.Checkout::commit).containsOnly(commit);
      assertThat(leases)
          .extracting(c -> c.lease().dir())
          .as("one tree per commit, whoever fetched it")
          .containsOnly(leases.get(0).lease().dir());
      leases.forEach(c -> c.lease().close());
    }
  }

  @Test
  void aFailedFetchIsNotReused() throws Exception {
    String url = repository("failing");
    GitWorkingCopy work = workingCopy();
    work.write("README", "one\n");
    work.commitAll("one");
    work.push(url);
    try (RepositoryCheckouts checkouts =
        new RepositoryCheckouts(new GitFetcher(temp.resolve("git-failing"), store), () -> 0L)) {
      RepositoryCheckouts.Request missing =
          new RepositoryCheckouts.Request(GitSourceSpec.of(url), "no-such-branch");
      assertThatThrownBy(() -> checkouts.checkout(missing, 0L)).isInstanceOf(SourceException.class);
      assertThatThrownBy(() -> checkouts.checkout(missing, 0L)).isInstanceOf(SourceException.class);
      assertThat(checkouts.fetchCount()).isEqualTo(2);
    }
  }

  private static Path dirOf(List<RepositoryCheckouts.Checkout> wave) {
    return wave.get(0).lease().dir();
  }

  /** {@value #APPS} requests started together, as a worker pool reconciling Applications. */
  private static List<RepositoryCheckouts.Checkout> concurrently(
      RepositoryCheckouts checkouts, RepositoryCheckouts.Request request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(APPS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<RepositoryCheckouts.Checkout>> futures = new ArrayList<>();
      for (int i = 0; i < APPS; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return checkouts.checkout(request, checkouts.now());
                }));
      }
      go.countDown();
      List<RepositoryCheckouts.Checkout> done = new ArrayList<>();
      for (Future<RepositoryCheckouts.Checkout> future : futures) {
        done.add(future.get());
      }
      return done;
    } finally {
      pool.shutdownNow();
    }
  }
}

package dev.cairn.source.bench;

import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.DirectoryTrees;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.git.GitFetchResult;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.source.git.GitRef;
import dev.cairn.source.git.GitSourceSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.api.Git;

/**
 * Incremental fetch of a repository of N files (default 5,000) after a one-file commit: Cairn's
 * {@link GitFetcher} (JGit fetch into the persistent mirror plus archiving) against {@code git
 * fetch} of the CLI into a bare mirror, both over smart HTTP from the test kit's server on
 * 127.0.0.1. Also reports the peak heap of a cold fetch (full shallow clone plus archive).
 *
 * <p>Arguments: {@code [files] [rounds]}. Run with a fixed heap and one GC, e.g. {@code -Xmx512m
 * -XX:+UseSerialGC}, on an otherwise idle machine. Prints medians in milliseconds.
 */
public final class IncrementalFetchBenchmark {
  private IncrementalFetchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path work = Files.createTempDirectory("cairn-bench-");
    try (GitHttpServer server = GitHttpServer.start(work.resolve("server"))) {
      String url = server.createRepository("bench");
      GitWorkingCopy copy = GitWorkingCopy.init(work.resolve("copy"));
      for (int i = 0; i < files; i++) {
        copy.write("dir" + (i % 50) + "/file" + i + ".yaml", "kind: ConfigMap\nvalue: " + i + "\n");
      }
      copy.commitAll(files + " files");
      copy.push(url);

      GitSourceSpec spec = GitSourceSpec.of(url).withRef(GitRef.ofBranch("main"));
      SourceKey key = new SourceKey("gitrepository", "bench", "repo");

      long peak = coldFetchPeakHeap(work.resolve("cold"), spec, key);
      System.out.printf(
          "cold fetch + archive of %d files: peak heap %.1f MiB%n", files, peak / 1048576.0);

      ArtifactStore store =
          new ArtifactStore(work.resolve("store"), ArtifactStoreOptions.defaults());
      GitFetcher fetcher = new GitFetcher(work.resolve("cache"), store);
      fetcher.fetch(key, spec);
      Path cliMirror = work.resolve("cli.git");
      GitCli.run(work, "git", "init", "-q", "--bare", cliMirror.toString());
      GitCli.run(
          cliMirror, "git", "fetch", "-q", "--depth", "1", url, "+refs/heads/main:refs/heads/main");

      Path jgitMirror = work.resolve("jgit.git");
      try (Git mirror = Git.init().setBare(true).setDirectory(jgitMirror.toFile()).call()) {
        jgitFetch(mirror, url);
      }

      List<Long> jgit = new ArrayList<>();
      List<Long> jgitOnly = new ArrayList<>();
      List<Long> cli = new ArrayList<>();
      long objects = 0;
      for (int round = 0; round < rounds; round++) {
        copy.write("dir7/file7.yaml", "kind: ConfigMap\nvalue: round " + round + "\n");
        copy.commitAll("round " + round);
        copy.push(url);

        long start = System.nanoTime();
        GitFetchResult result = fetcher.fetch(key, spec);
        jgit.add((System.nanoTime() - start) / 1_000_000);
        objects = result.objectsReceived();

        try (Git mirror = Git.open(jgitMirror.toFile())) {
          start = System.nanoTime();
          jgitFetch(mirror, url);
          jgitOnly.add((System.nanoTime() - start) / 1_000_000);
        }

        start = System.nanoTime();
        GitCli.run(
            cliMirror,
            "git",
            "fetch",
            "-q",
            "--depth",
            "1",
            url,
            "+refs/heads/main:refs/heads/main");
        cli.add((System.nanoTime() - start) / 1_000_000);
      }
      System.out.printf(
          "incremental fetch after a one-file commit (%d rounds, %d objects moved):%n",
          rounds, objects);
      System.out.printf(
          "  GitFetcher (JGit fetch + archive of %d files): median %d ms%n", files, median(jgit));
      System.out.printf(
          "  JGit fetch only (same refspec and depth as the CLI): median %d ms%n",
          median(jgitOnly));
      System.out.printf(
          "  git fetch CLI (fetch only):                  median %d ms%n", median(cli));
    } finally {
      DirectoryTrees.deleteQuietly(work);
    }
  }

  private static long coldFetchPeakHeap(Path directory, GitSourceSpec spec, SourceKey key)
      throws Exception {
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    ArtifactStore store =
        new ArtifactStore(directory.resolve("store"), ArtifactStoreOptions.defaults());
    new GitFetcher(directory.resolve("cache"), store).fetch(key, spec);
    return heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  private static void jgitFetch(Git mirror, String url) throws Exception {
    mirror
        .fetch()
        .setRemote(url)
        .setRefSpecs("+refs/heads/main:refs/heads/main")
        .setDepth(1)
        .call();
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** Runs a command and fails on a non-zero exit. */
  private static final class GitCli {
    static void run(Path directory, String... command) throws Exception {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
      byte[] output = process.getInputStream().readAllBytes();
      if (process.waitFor() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed: " + new String(output));
      }
    }
  }
}

package dev.cairn.source.git;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.BlobBasedConfig;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Flux's {@code recurseSubmodules} without a working copy: every gitlink of a commit is looked up
 * in that commit's {@code .gitmodules}, and the commit it pins is fetched into the submodule's own
 * persistent mirror (nothing is fetched when the mirror has it already), recursively up to {@value
 * #MAX_DEPTH} levels. The archive then writes each submodule's tree in place of its gitlink.
 *
 * <p>Relative submodule URLs ({@code ../lib.git}) resolve against the superproject's URL. A
 * submodule must use the superproject's scheme ({@code file://} only below a {@code file://}
 * superproject), and it gets the superproject's credentials and TLS settings only on the same
 * scheme, host and port: a {@code .gitmodules} in Git cannot send them elsewhere.
 */
final class Submodules implements AutoCloseable {
  static final int MAX_DEPTH = 5;

  /** A submodule checked out for the archive: its mirror and the commit the gitlink pins. */
  record Checkout(Repository repository, RevCommit commit) {}

  /** How to fetch into a mirror: the fetcher's own routine. */
  @FunctionalInterface
  interface Fetch {
    void into(Repository mirror, GitUrl url, FetchPlan plan, GitTransport transport)
        throws SourceException, IOException;
  }

  private final GitMirror mirrors;
  private final SshSessions ssh;
  private final Fetch fetch;
  private final Instant now;
  private final List<Repository> opened = new ArrayList<>();

  /** {@code now} marks the submodules' mirrors as used, as the superproject's is. */
  Submodules(GitMirror mirrors, SshSessions ssh, Fetch fetch, Instant now) {
    this.mirrors = mirrors;
    this.ssh = ssh;
    this.fetch = fetch;
    this.now = now;
  }

  /**
   * Checks out every submodule of {@code commit} (and theirs), keyed by path from the root of the
   * superproject's tree. The repositories stay open until {@link #close()}.
   */
  Map<String, Checkout> checkout(
      Repository repository, RevCommit commit, GitUrl url, GitSourceSpec spec)
      throws SourceException, IOException {
    Map<String, Checkout> all = new LinkedHashMap<>();
    checkout(repository, commit, url, spec, "", 1, all);
    return all;
  }

  private void checkout(
      Repository repository,
      RevCommit commit,
      GitUrl url,
      GitSourceSpec spec,
      String prefix,
      int depth,
      Map<String, Checkout> all)
      throws SourceException, IOException {
    Map<String, ObjectId> gitlinks = gitlinks(repository, commit);
    if (gitlinks.isEmpty()) {
      return;
    }
    if (depth > MAX_DEPTH) {
      throw new SourceException(
          SourceReason.GIT_OPERATION_FAILED,
          "submodules of " + url.display() + " nest deeper than " + MAX_DEPTH + " levels");
    }
    Config modules = modules(repository, commit, url);
    for (Map.Entry<String, ObjectId> gitlink : gitlinks.entrySet()) {
      String path = gitlink.getKey();
      String where = "submodule '" + prefix + path + "' of " + url.display();
      GitUrl subUrl = GitUrl.parse(urlOf(modules, path, url, where));
      GitSourceSpec subSpec = specFor(subUrl, url, spec);
      Repository mirror = fetched(subUrl, subSpec, gitlink.getValue(), where);
      RevCommit pinned;
      try (RevWalk walk = new RevWalk(mirror)) {
        pinned = walk.parseCommit(gitlink.getValue());
      }
      all.put(prefix + path, new Checkout(mirror, pinned));
      checkout(mirror, pinned, subUrl, subSpec, prefix + path + "/", depth + 1, all);
    }
  }

  /** The gitlinks of a commit's tree: path to pinned commit. */
  private static Map<String, ObjectId> gitlinks(Repository repository, RevCommit commit)
      throws IOException {
    Map<String, ObjectId> found = new LinkedHashMap<>();
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      while (walk.next()) {
        if (walk.getFileMode(0) == FileMode.GITLINK) {
          found.put(walk.getPathString(), walk.getObjectId(0));
        }
      }
    }
    return found;
  }

  private static Config modules(Repository repository, RevCommit commit, GitUrl url)
      throws SourceException, IOException {
    try (TreeWalk walk = TreeWalk.forPath(repository, ".gitmodules", commit.getTree())) {
      if (walk == null) {
        throw new SourceException(
            SourceReason.GIT_OPERATION_FAILED,
            "commit "
                + commit.name()
                + " of "
                + url.display()
                + " has submodules but no .gitmodules");
      }
      return new BlobBasedConfig(null, repository, walk.getObjectId(0));
    } catch (ConfigInvalidException e) {
      throw new SourceException(
          SourceReason.GIT_OPERATION_FAILED,
          ".gitmodules of " + url.display() + " does not parse: " + e.getMessage());
    }
  }

  private static String urlOf(Config modules, String path, GitUrl parent, String where)
      throws SourceException {
    for (String name : modules.getSubsections("submodule")) {
      if (path.equals(modules.getString("submodule", name, "path"))) {
        String url = modules.getString("submodule", name, "url");
        if (url == null || url.isBlank()) {
          break;
        }
        return resolve(parent, url.strip(), where);
      }
    }
    throw new SourceException(
        SourceReason.GIT_OPERATION_FAILED, where + " has no url in .gitmodules");
  }

  /**
   * A submodule URL as Git resolves it: {@code ./x} and {@code ../x} against the superproject's URL
   * (each {@code ../} drops one path segment), anything else as it stands; then the scheme rule.
   */
  static String resolve(GitUrl parent, String url, String where) throws SourceException {
    String resolved = url;
    if (url.startsWith("./") || url.startsWith("../")) {
      String base = parent.value().replaceAll("/+$", "");
      String rest = url;
      while (true) {
        if (rest.startsWith("./")) {
          rest = rest.substring(2);
        } else if (rest.startsWith("../")) {
          int slash = base.lastIndexOf('/');
          if (slash <= base.indexOf("://") + 2) {
            throw new SourceException(
                SourceReason.URL_INVALID, where + ": url '" + url + "' climbs above the host");
          }
          base = base.substring(0, slash);
          rest = rest.substring(3);
        } else {
          break;
        }
      }
      resolved = base + "/" + rest;
    }
    String scheme;
    try {
      scheme = new URI(resolved).getScheme();
    } catch (URISyntaxException e) {
      scheme = null;
    }
    if (scheme == null || !scheme.equalsIgnoreCase(parent.scheme())) {
      throw new SourceException(
          SourceReason.URL_INVALID,
          where
              + ": url '"
              + GitUrl.safe(url)
              + "' must use the superproject's scheme ("
              + parent.scheme()
              + ")");
    }
    return resolved;
  }

  /** The superproject's credentials and TLS go only to the same scheme, host and port. */
  private static GitSourceSpec specFor(GitUrl url, GitUrl parent, GitSourceSpec spec) {
    GitSourceSpec base = GitSourceSpec.of(url.value()).withTimeout(spec.timeout());
    return sameOrigin(url, parent)
        ? base.withCredentials(spec.credentials()).withTls(spec.tls())
        : base;
  }

  static boolean sameOrigin(GitUrl a, GitUrl b) {
    URI x = URI.create(a.value());
    URI y = URI.create(b.value());
    return a.scheme().equals(b.scheme())
        && Objects.equals(x.getHost(), y.getHost())
        && x.getPort() == y.getPort();
  }

  private Repository fetched(GitUrl url, GitSourceSpec spec, ObjectId commit, String where)
      throws SourceException, IOException {
    ReentrantLock lock = mirrors.lockOf(url);
    try {
      if (!lock.tryLock(spec.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new SourceException(
            SourceReason.GIT_OPERATION_FAILED,
            where + ": its mirror stayed busy for " + spec.timeout().toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException(SourceReason.GIT_OPERATION_FAILED, where + ": interrupted");
    }
    try {
      Repository mirror = mirrors.open(url);
      opened.add(mirror);
      mirrors.markUsed(url, now);
      if (!mirror.getObjectDatabase().has(commit)) {
        try (GitTransport transport = new GitTransport(url, spec, ssh)) {
          fetch.into(mirror, url, FetchPlan.everyBranchAndTag(), transport);
        }
      }
      if (!mirror.getObjectDatabase().has(commit)) {
        throw new SourceException(
            SourceReason.REFERENCE_NOT_FOUND,
            where + ": commit " + commit.name() + " is on no branch or tag of " + url.display());
      }
      return mirror;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    opened.forEach(Repository::close);
    opened.clear();
  }
}

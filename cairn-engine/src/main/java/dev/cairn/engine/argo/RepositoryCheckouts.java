package dev.cairn.engine.argo;

import dev.cairn.engine.kustomize.ExtractedArtifacts;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.git.GitFetchResult;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.source.git.GitRef;
import dev.cairn.source.git.GitSourceSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Git checkouts shared by all Applications of one repository, as Argo CD's repo-server shares them:
 * it resolves {@code targetRevision} to a commit and caches by commit, so a thousand Applications
 * of one repository cost one fetch per new commit, not a thousand.
 *
 * <ul>
 *   <li>Concurrent requests for one (repository, revision, credentials) join the fetch in flight
 *       and take its result (or its failure) instead of fetching again once the mirror is free.
 *   <li>A fetch that finished less than {@link #FRESH_FOR} ago answers the same request again. The
 *       window only has to cover one wave of Applications reconciled together (a resync, a webhook,
 *       a controller start), which a few seconds do; a commit pushed meanwhile is seen by the first
 *       reconcile after the window, which is well inside Argo CD's own default (three minutes
 *       between polls of a repository).
 *   <li>The tree of a commit is archived once per (repository, resolved reference) and unpacked
 *       once per archive into a read-only directory every run of that commit reads ({@link
 *       ExtractedArtifacts}, as Kustomizations share theirs); a run holds a lease and directories
 *       no run uses are deleted once newer ones replace them.
 * </ul>
 *
 * Credentials stay per repository: the key is the whole source spec (URL and credentials), so two
 * Applications reaching one URL with different credentials never share a fetch.
 */
final class RepositoryCheckouts implements AutoCloseable {
  static final Duration FRESH_FOR = Duration.ofSeconds(3);
  static final String STORE_KIND = "application-repository";
  private static final String STORE_NAMESPACE = "git";

  private final GitFetcher git;
  private final ExtractedArtifacts unpacked;
  private final LongSupplier nanoTime;
  private final Map<Request, Fetch> fetches = new HashMap<>();
  private final AtomicLong fetchCount = new AtomicLong();

  RepositoryCheckouts(GitFetcher git) {
    this(git, System::nanoTime);
  }

  /**
   * @param nanoTime a monotonic clock in nanoseconds, for the freshness window
   */
  RepositoryCheckouts(GitFetcher git, LongSupplier nanoTime) {
    this.git = git;
    this.unpacked = new ExtractedArtifacts(git.store());
    this.nanoTime = nanoTime;
  }

  /**
   * One request for a repository's content.
   *
   * @param spec the repository as fetched (URL, credentials, TLS), its ref not yet set
   * @param targetRevision the Application's {@code targetRevision} as written
   */
  record Request(GitSourceSpec spec, String targetRevision) {}

  /** A commit's tree, unpacked; close the lease when the run is done reading it. */
  record Checkout(String commit, ExtractedArtifacts.Lease lease) {}

  private static final class Fetch {
    final CompletableFuture<GitFetchResult> result = new CompletableFuture<>();
    volatile long finishedAt;
  }

  /** How many fetches this instance started (every request beyond them shared one). */
  long fetchCount() {
    return fetchCount.get();
  }

  /**
   * @param anew a sync the user asked for ({@code cairn app sync} right after a push): it never
   *     takes a finished fetch, only one that is still running or a new one
   */
  Checkout checkout(Request request, boolean anew) throws SourceException {
    GitFetchResult result = fetched(request, anew);
    return new Checkout(result.commit(), unpacked.acquire(result.artifact()));
  }

  private GitFetchResult fetched(Request request, boolean anew) throws SourceException {
    Fetch fetch;
    boolean fetchHere = false;
    synchronized (fetches) {
      fetch = fetches.get(request);
      if (fetch == null || !inFlightOrFresh(fetch) || anew && fetch.result.isDone()) {
        fetch = new Fetch();
        fetches.put(request, fetch);
        fetchHere = true;
      }
    }
    if (fetchHere) {
      fetchCount.incrementAndGet();
      try {
        GitFetchResult result = fetchNow(request);
        fetch.finishedAt = nanoTime.getAsLong();
        fetch.result.complete(result);
      } catch (SourceException | RuntimeException e) {
        fetch.result.completeExceptionally(e);
      }
    }
    try {
      return fetch.result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SourceException source) {
        throw source;
      }
      throw e;
    }
  }

  /** Joinable: still running, or finished well within the window (a failure is never reused). */
  private boolean inFlightOrFresh(Fetch fetch) {
    if (!fetch.result.isDone()) {
      return true;
    }
    return !fetch.result.isCompletedExceptionally()
        && nanoTime.getAsLong() - fetch.finishedAt < FRESH_FOR.toNanos();
  }

  private GitFetchResult fetchNow(Request request) throws SourceException {
    GitSourceSpec spec = request.spec().withRef(ref(request.spec(), request.targetRevision()));
    return git.fetch(storeKey(spec), spec);
  }

  /**
   * Where the archive of one repository and resolved reference lives in the artifact store: shared
   * by every Application reading it, named by a digest of URL and reference so it is a valid
   * directory name. Credentials are not part of it: the fetcher's mirror is per URL already, and
   * each request with other credentials still fetches (and is refused) on its own.
   */
  static SourceKey storeKey(GitSourceSpec resolved) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String identity = resolved.url() + "\n" + resolved.ref();
      byte[] digest = sha.digest(identity.getBytes(StandardCharsets.UTF_8));
      return new SourceKey(
          STORE_KIND, STORE_NAMESPACE, HexFormat.of().formatHex(digest).substring(0, 32));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private GitRef ref(GitSourceSpec spec, String targetRevision) throws SourceException {
    String revision = targetRevision == null ? "" : targetRevision.strip();
    if (revision.isEmpty() || "HEAD".equals(revision)) {
      return GitRef.ofBranch(git.defaultBranch(spec));
    }
    if (revision.matches("[0-9a-fA-F]{40}")) {
      return GitRef.ofCommit(revision);
    }
    if (revision.startsWith("refs/")) {
      return GitRef.ofName(revision);
    }
    return git.isTag(spec, revision) ? GitRef.ofTag(revision) : GitRef.ofBranch(revision);
  }

  /** Deletes every unpacked tree (runs still reading one must be over). */
  @Override
  public void close() {
    unpacked.close();
  }
}

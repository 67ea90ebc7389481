package dev.cairn.engine.argo;

import dev.cairn.engine.kustomize.ExtractedArtifacts;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.git.GitFetchResult;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.source.git.GitRef;
import dev.cairn.source.git.GitSourceSpec;
import dev.cairn.source.git.RemoteRefs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Git checkouts shared by all Applications of one repository, as Argo CD's repo-server shares them:
 * it resolves {@code targetRevision} to a commit and caches by commit, so a thousand Applications
 * of one repository cost one fetch per new commit, not a thousand.
 *
 * <ul>
 *   <li>Each fetch first lists the remote's references ({@code git ls-remote}, as Argo CD resolves
 *       a revision) and fetches only when the reference moved since the last fetch of the same
 *       request: an unchanged repository costs one listing, not a fetch and an archive check.
 * </ul>
 *
 * <ul>
 *   <li>Concurrent requests for one (repository, revision, credentials) join the fetch in flight
 *       and take its result (or its failure) instead of fetching again once the mirror is free.
 *   <li>A request is answered only by a fetch that started at or after the moment its run began
 *       ({@code asOf}), so a run never sees the repository as it was before the run was triggered
 *       (a push followed by a webhook or {@code cairn app sync} always gets the new commit). Runs
 *       that begin while a fetch is running share the next one; with a pool of workers each fetch
 *       serves every worker that started a run meanwhile.
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
  static final String STORE_KIND = "application-repository";
  private static final String STORE_NAMESPACE = "git";
  private static final String COMMIT = "[0-9a-fA-F]{40}";

  private final GitFetcher git;
  private final ExtractedArtifacts unpacked;
  private final LongSupplier nanoTime;
  private final Map<Request, Fetch> fetches = new HashMap<>();
  private final Map<Request, Fetched> lastFetched = new ConcurrentHashMap<>();
  private final AtomicLong fetchCount = new AtomicLong();
  private final AtomicLong mirrorFetchCount = new AtomicLong();

  RepositoryCheckouts(GitFetcher git) {
    this(git, System::nanoTime);
  }

  /**
   * @param nanoTime a monotonic clock in nanoseconds: when runs begin and fetches start
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
    final long startedAt;

    Fetch(long startedAt) {
      this.startedAt = startedAt;
    }
  }

  /** The moment a run begins, to pass to {@link #checkout} as {@code asOf}. */
  long now() {
    return nanoTime.getAsLong();
  }

  /** How many fetches this instance started (every request beyond them shared one). */
  long fetchCount() {
    return fetchCount.get();
  }

  /** How many of those fetches fetched into the mirror (the others found the reference unmoved). */
  long mirrorFetchCount() {
    return mirrorFetchCount.get();
  }

  /**
   * @param asOf when the run began ({@link #now}): only a fetch started since then answers it
   */
  Checkout checkout(Request request, long asOf) throws SourceException {
    GitFetchResult result = fetched(request, asOf);
    try {
      return new Checkout(result.commit(), unpacked.acquire(result.artifact()));
    } catch (SourceException e) {
      // A reused result may name an archive since replaced in the store (a fetch of the same URL
      // and reference with other credentials): the next run of this request fetches again.
      lastFetched.remove(request);
      throw e;
    }
  }

  private GitFetchResult fetched(Request request, long asOf) throws SourceException {
    Fetch fetch;
    boolean fetchHere = false;
    synchronized (fetches) {
      fetch = fetches.get(request);
      if (fetch == null || !answers(fetch, asOf)) {
        fetch = new Fetch(nanoTime.getAsLong());
        fetches.put(request, fetch);
        fetchHere = true;
      }
    }
    if (fetchHere) {
      fetchCount.incrementAndGet();
      try {
        fetch.result.complete(fetchNow(request));
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

  /** Started since {@code asOf}, and not failed (a failure is never reused). */
  private static boolean answers(Fetch fetch, long asOf) {
    return fetch.startedAt - asOf >= 0 && !fetch.result.isCompletedExceptionally();
  }

  /**
   * One listing of the remote's references resolves the revision; when the reference still points
   * at the object the last fetch for this request found, that fetch's result answers (a commit
   * never moves, so a commit revision is fetched once).
   */
  private GitFetchResult fetchNow(Request request) throws SourceException {
    String revision = request.targetRevision() == null ? "" : request.targetRevision().strip();
    RemoteRefs refs = revision.matches(COMMIT) ? null : git.remoteRefs(request.spec());
    GitRef ref = ref(refs, revision);
    String advertised = refs == null ? ref.commit() : refs.objectId(fullName(ref)).orElse(null);
    Fetched known = lastFetched.get(request);
    if (known != null && advertised != null && known.matches(ref, advertised)) {
      return known.result();
    }
    GitSourceSpec spec = request.spec().withRef(ref);
    mirrorFetchCount.incrementAndGet();
    GitFetchResult result = git.fetch(storeKey(spec), spec);
    if (advertised != null) {
      lastFetched.put(request, new Fetched(ref, advertised, result));
    }
    return result;
  }

  /**
   * The last fetch of a request: the reference it resolved to and the object the remote advertised
   * for it before the fetch (the fetch may have found a newer one; then the next listing differs
   * and fetches again, never the reverse).
   */
  private record Fetched(GitRef ref, String advertised, GitFetchResult result) {
    boolean matches(GitRef other, String objectId) {
      return ref.equals(other) && advertised.equals(objectId);
    }
  }

  private static String fullName(GitRef ref) {
    return switch (ref.effectiveKind()) {
      case TAG -> "refs/tags/" + ref.tag();
      case NAME -> ref.name();
      default -> "refs/heads/" + ref.effectiveBranch();
    };
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

  private static GitRef ref(RemoteRefs refs, String revision) throws SourceException {
    if (revision.matches(COMMIT)) {
      return GitRef.ofCommit(revision);
    }
    if (revision.isEmpty() || "HEAD".equals(revision)) {
      return GitRef.ofBranch(refs.defaultBranch());
    }
    if (revision.startsWith("refs/")) {
      return GitRef.ofName(revision);
    }
    return refs.isTag(revision) ? GitRef.ofTag(revision) : GitRef.ofBranch(revision);
  }

  /** Deletes every unpacked tree (runs still reading one must be over). */
  @Override
  public void close() {
    unpacked.close();
  }
}

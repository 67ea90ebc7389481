package dev.cairn.source.git;

import dev.cairn.source.SemverSelector;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactComposer;
import dev.cairn.source.artifact.ArtifactInclude;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.DirectoryTrees;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.TagOpt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches Git sources into the artifact store. Keeps one persistent bare mirror per URL and fetches
 * into it incrementally (depth 1 where the reference allows), resolves the reference with Flux's
 * precedence, optionally verifies signatures, and archives the commit's tree with ignore rules
 * applied. A failure at any step leaves the source's current artifact untouched.
 */
public final class GitFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(GitFetcher.class);

  private final GitMirror mirrors;
  private final SshSessions ssh;
  private final ArtifactStore store;
  private final Clock clock;

  private final ArchiveMemory archives;
  private final GitUrlRewrites rewrites;

  /**
   * @param cacheDirectory where the bare mirrors live (kept across calls and restarts)
   * @param store where artifacts go
   */
  public GitFetcher(Path cacheDirectory, ArtifactStore store) {
    this(cacheDirectory, store, Clock.systemUTC());
  }

  /**
   * @param clock when mirrors are used, for {@link #deleteMirrorsUnusedSince(Instant)}
   */
  public GitFetcher(Path cacheDirectory, ArtifactStore store, Clock clock) {
    this(cacheDirectory, store, clock, GitUrlRewrites.none());
  }

  /**
   * @param rewrites URLs fetched from elsewhere (git's {@code insteadOf}); a rewritten fetch goes
   *     without the source's credentials and TLS settings, which belong to the original host
   */
  public GitFetcher(
      Path cacheDirectory, ArtifactStore store, Clock clock, GitUrlRewrites rewrites) {
    this.rewrites = rewrites;
    this.mirrors = new GitMirror(cacheDirectory.resolve("mirrors"));
    this.ssh = new SshSessions(cacheDirectory.resolve("ssh"));
    this.store = store;
    this.archives = new ArchiveMemory(store);
    this.clock = clock;
  }

  /**
   * Deletes the mirrors of URLs no fetch used since {@code cutoff} (e.g. now minus 7 days), so URLs
   * no GitRepository names any more stop taking disk space; a mirror being fetched into is left
   * alone. A later fetch of a deleted URL clones it again.
   *
   * @return how many mirrors were deleted
   */
  public int deleteMirrorsUnusedSince(Instant cutoff) throws SourceException {
    int deleted = 0;
    try {
      for (Path mirror : mirrors.mirrors()) {
        ReentrantLock lock = mirrors.lockOf(mirror);
        if (!lock.tryLock()) {
          continue;
        }
        try {
          if (GitMirror.lastUsed(mirror).isBefore(cutoff)) {
            DirectoryTrees.delete(mirror);
            deleted++;
          }
        } finally {
          lock.unlock();
        }
      }
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "cannot delete unused Git mirrors: " + e.getMessage(),
          e);
    }
    if (deleted > 0) {
      LOG.info("deleted {} Git mirrors unused since {}", deleted, cutoff);
    }
    return deleted;
  }

  /**
   * The branch the remote's {@code HEAD} names (Argo CD's {@code targetRevision: HEAD}), asked
   * through the same URL rewrites as a fetch.
   */
  public String defaultBranch(GitSourceSpec requested) throws SourceException {
    GitSourceSpec spec = rewrites.applyTo(requested);
    return RemoteHead.branch(GitUrl.parse(spec.url()), spec, ssh);
  }

  /** Whether {@code name} is a tag (not a branch) of the remote, asked through the rewrites. */
  public boolean isTag(GitSourceSpec requested, String name) throws SourceException {
    GitSourceSpec spec = rewrites.applyTo(requested);
    return RemoteHead.isTag(GitUrl.parse(spec.url()), spec, ssh, name);
  }

  /**
   * The references the remote advertises now ({@code git ls-remote}), asked through the rewrites.
   * This does not count as a use of the URL's mirror: a mirror only listed, never fetched into, for
   * the unused period is deleted and cloned again by the next fetch.
   */
  public RemoteRefs remoteRefs(GitSourceSpec requested) throws SourceException {
    GitSourceSpec spec = rewrites.applyTo(requested);
    GitUrl url = GitUrl.parse(spec.url());
    return new RemoteRefs(url, RemoteHead.list(url, spec, ssh));
  }

  /** The store this fetcher archives into. */
  public ArtifactStore store() {
    return store;
  }

  /** Fetches, verifies and archives; the artifact becomes the source's current one. */
  public GitFetchResult fetch(SourceKey key, GitSourceSpec spec) throws SourceException {
    return fetch(key, spec, List.of());
  }

  /** As {@link #fetch(SourceKey, GitSourceSpec)}, then composes the given includes into it. */
  public GitFetchResult fetch(
      SourceKey key, GitSourceSpec requested, List<ArtifactInclude> includes)
      throws SourceException {
    GitFetchRequest request = GitFetchRequest.of(key, rewrites.applyTo(requested), includes);
    GitUrl url = request.url();
    ReentrantLock lock = mirrors.lockOf(url);
    lock.lock();
    try (GitTransport transport = new GitTransport(url, request.spec(), ssh);
        Repository repository = openMirror(url)) {
      mirrors.markUsed(url, clock.instant());
      return fetchIntoMirror(request, repository, transport);
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.GIT_OPERATION_FAILED,
          "cannot read the local mirror of " + url.display() + ": " + e.getMessage(),
          e);
    } catch (SourceException e) {
      LOG.debug("fetch for {} failed: {}", key, e.toString());
      throw e;
    } finally {
      lock.unlock();
    }
  }

  /** The steps of one fetch, run while holding the lock of the URL's mirror. */
  private GitFetchResult fetchIntoMirror(
      GitFetchRequest request, Repository repository, GitTransport transport)
      throws IOException, SourceException {
    GitUrl url = request.url();
    FetchPlan plan = plan(url, request.spec(), transport);
    long received = fetchInto(repository, url, plan, transport);
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = resolve(repository, walk, url, plan, request.spec().ref());
      String revision = FetchPlan.revision(plan.revisionRef(), commit.name());
      List<String> verified = verify(request, repository, walk, plan, commit);
      requireSparseDirectories(request, repository, commit, revision);
      ArchiveOutcome archive = archiveUnlessUnchanged(request, repository, commit, revision);
      LOG.info(
          "fetched {} of {} for {}: {} ({} objects received, artifact {})",
          plan.description(),
          url.display(),
          request.key(),
          revision,
          received,
          archive.artifact().digest());
      return new GitFetchResult(
          archive.artifact(), revision, commit.name(), received, archive.archived(), verified);
    }
  }

  /** What signature verification checked; empty when the spec asks for none. */
  private static List<String> verify(
      GitFetchRequest request,
      Repository repository,
      RevWalk walk,
      FetchPlan plan,
      RevCommit commit)
      throws IOException, SourceException {
    VerifySpec verify = request.spec().verify();
    return verify == null
        ? List.of()
        : SignatureVerifier.verify(repository, walk, plan, commit, verify, request.url());
  }

  private static void requireSparseDirectories(
      GitFetchRequest request, Repository repository, RevCommit commit, String revision)
      throws IOException, SourceException {
    List<String> missing = TreeArchiver.missingDirectories(repository, commit, request.sparse());
    if (!missing.isEmpty()) {
      throw new SourceException(
          SourceReason.GIT_OPERATION_FAILED,
          "sparse checkout dir '"
              + missing.get(0)
              + "' does not exist in repository "
              + request.url().display()
              + " at "
              + revision);
    }
  }

  /**
   * The artifact a fetch ends with.
   *
   * @param archived whether this fetch archived the tree (false when it reused the current one)
   */
  private record ArchiveOutcome(StoredArtifact artifact, boolean archived) {}

  /**
   * The current artifact when it was built from the same inputs, else a new one archived from the
   * commit's tree with the includes composed into it.
   */
  private ArchiveOutcome archiveUnlessUnchanged(
      GitFetchRequest request, Repository repository, RevCommit commit, String revision)
      throws IOException, SourceException {
    ArchiveMemory.Inputs inputs = request.inputs(revision);
    Optional<StoredArtifact> unchanged = archives.reusable(request.key(), inputs);
    if (unchanged.isPresent()) {
      return new ArchiveOutcome(unchanged.get(), false);
    }
    StoredArtifact tree = archiveTree(request, repository, commit, revision);
    StoredArtifact composed =
        new ArtifactComposer(store).compose(request.key(), tree, request.includes());
    archives.remember(request.key(), inputs, composed);
    return new ArchiveOutcome(composed, true);
  }

  /** Stores the commit's tree, with submodules checked out in place when the spec asks for them. */
  private StoredArtifact archiveTree(
      GitFetchRequest request, Repository repository, RevCommit commit, String revision)
      throws IOException, SourceException {
    GitSourceSpec spec = request.spec();
    try (Submodules submodules =
        new Submodules(mirrors, ssh, GitFetcher::fetchInto, clock.instant())) {
      Map<String, Submodules.Checkout> checkouts =
          spec.recurseSubmodules()
              ? submodules.checkout(repository, commit, request.url(), spec)
              : Map.of();
      return store.store(
          request.key(),
          revision,
          writer ->
              TreeArchiver.write(
                  repository, commit, spec.ignore(), request.sparse(), checkouts, writer));
    }
  }

  private Repository openMirror(GitUrl url) throws SourceException {
    try {
      return mirrors.open(url);
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "cannot open the local mirror of " + url.display() + ": " + e.getMessage(),
          e);
    }
  }

  private static FetchPlan plan(GitUrl url, GitSourceSpec spec, GitTransport transport)
      throws SourceException {
    GitRef ref = spec.ref();
    return switch (ref.effectiveKind()) {
      case COMMIT -> {
        String commit = ref.commit().strip().toLowerCase(java.util.Locale.ROOT);
        if (!commit.matches("[0-9a-f]{40}")) {
          throw new SourceException(
              SourceReason.INVALID_SPEC,
              "commit '" + ref.commit() + "' for " + url.display() + " is not a full 40-hex id");
        }
        yield GitRef.set(ref.branch())
            ? FetchPlan.commitOnBranch(commit, validRef("refs/heads/", ref.branch()))
            : FetchPlan.commit(commit);
      }
      case NAME -> {
        if (!ref.name().startsWith("refs/") || !Repository.isValidRefName(ref.name())) {
          throw new SourceException(
              SourceReason.INVALID_SPEC,
              "reference name '" + ref.name() + "' must be a valid ref under refs/");
        }
        yield FetchPlan.name(ref.name());
      }
      case SEMVER -> FetchPlan.tag(highestTag(url, ref.semver(), transport));
      case TAG -> FetchPlan.tag(validRef("refs/tags/", ref.tag()));
      case BRANCH -> FetchPlan.branch(validRef("refs/heads/", ref.effectiveBranch()));
    };
  }

  private static String validRef(String prefix, String shortName) throws SourceException {
    if (!Repository.isValidRefName(prefix + shortName)) {
      throw new SourceException(
          SourceReason.INVALID_SPEC, "'" + shortName + "' is not a valid Git reference name");
    }
    return shortName;
  }

  private static String highestTag(GitUrl url, String range, GitTransport transport)
      throws SourceException {
    SemverSelector.parseRange(range);
    Map<String, Ref> refs;
    try {
      refs =
          transport
              .configure(Git.lsRemoteRepository().setRemote(url.value()))
              .setTags(true)
              .setHeads(false)
              .callAsMap();
    } catch (GitAPIException | JGitInternalException e) {
      throw transport.failure("cannot list tags", url, e);
    }
    List<String> tags =
        refs.keySet().stream()
            .filter(name -> name.startsWith("refs/tags/") && !name.endsWith("^{}"))
            .map(name -> name.substring("refs/tags/".length()))
            .toList();
    return SemverSelector.highest(tags, range)
        .orElseThrow(
            () ->
                new SourceException(
                    SourceReason.REFERENCE_NOT_FOUND,
                    "no tag of "
                        + url.display()
                        + " matches semver range '"
                        + range
                        + "' ("
                        + tags.size()
                        + " tags)"));
  }

  static long fetchInto(Repository repository, GitUrl url, FetchPlan plan, GitTransport transport)
      throws SourceException, IOException {
    ObjectCounter counter = new ObjectCounter();
    boolean unshallow = !plan.shallow() && GitMirror.isShallow(repository);
    try (Git git = Git.wrap(repository)) {
      var fetch =
          transport
              .configure(git.fetch())
              .setRemote(url.value())
              .setRefSpecs(plan.refSpecs().toArray(String[]::new))
              .setTagOpt(TagOpt.NO_TAGS)
              .setProgressMonitor(counter);
      if (plan.shallow()) {
        fetch.setDepth(1);
      } else if (unshallow) {
        fetch.setUnshallow(true);
      }
      fetch.call();
    } catch (GitAPIException | JGitInternalException e) {
      throw transport.failure("cannot fetch " + plan.description(), url, e);
    }
    return counter.received();
  }

  private static RevCommit resolve(
      Repository repository, RevWalk walk, GitUrl url, FetchPlan plan, GitRef ref)
      throws IOException, SourceException {
    ObjectId tip = null;
    if (plan.localRef() != null) {
      Ref local = repository.exactRef(plan.localRef());
      if (local == null) {
        throw new SourceException(
            SourceReason.REFERENCE_NOT_FOUND,
            plan.description() + " not found in " + url.display());
      }
      tip = local.getObjectId();
    }
    if (ref.effectiveKind() != GitRef.Kind.COMMIT) {
      return walk.parseCommit(tip);
    }
    ObjectId wanted = ObjectId.fromString(ref.commit().strip().toLowerCase(java.util.Locale.ROOT));
    RevCommit commit;
    try {
      commit = walk.parseCommit(wanted);
    } catch (org.eclipse.jgit.errors.MissingObjectException e) {
      throw new SourceException(
          SourceReason.REFERENCE_NOT_FOUND, plan.description() + " not found in " + url.display());
    }
    if (tip != null && !walk.isMergedInto(commit, walk.parseCommit(tip))) {
      throw new SourceException(
          SourceReason.REFERENCE_NOT_FOUND,
          plan.description() + " is not in the history of that branch in " + url.display());
    }
    return commit;
  }
}

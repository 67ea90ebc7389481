package dev.cairn.engine.argo.appset;

import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.DirectoryTrees;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import dev.cairn.source.git.GitFetchResult;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.source.git.GitRef;
import dev.cairn.source.git.GitSourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Repository content for the git generator through Cairn's {@link GitFetcher} (its mirrors, its
 * artifact store and {@code cairn up}'s URL rewrites): each repository and revision is archived as
 * a source of its own and unpacked once per artifact digest.
 */
public final class ArtifactGitTrees implements GitTrees, AutoCloseable {
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

  private final GitFetcher fetcher;
  private final String namespace;
  private final Path root;
  private final Map<String, Path> unpacked = new ConcurrentHashMap<>();

  /**
   * @param namespace the ApplicationSet's namespace, which the stored sources are filed under
   * @param root where artifacts are unpacked
   */
  public ArtifactGitTrees(GitFetcher fetcher, String namespace, Path root) {
    this.fetcher = fetcher;
    this.namespace = namespace;
    this.root = root;
  }

  @Override
  public Path checkout(String repoURL, String revision) {
    SourceKey key = new SourceKey("applicationset-git", namespace, id(repoURL + "@" + revision));
    try {
      GitSourceSpec spec = GitSourceSpec.of(repoURL);
      GitFetchResult result = fetcher.fetch(key, spec.withRef(ref(spec, revision)));
      StoredArtifact artifact = result.artifact();
      return unpacked.computeIfAbsent(artifact.digest(), digest -> unpack(artifact, digest));
    } catch (SourceException e) {
      throw new GeneratorException(
          "cannot read " + repoURL + " at " + revision + ": " + e.getMessage(), e);
    }
  }

  private Path unpack(StoredArtifact artifact, String digest) {
    try {
      Path target = root.resolve(id(digest));
      if (Files.exists(target)) {
        DirectoryTrees.delete(target);
      }
      Files.createDirectories(target);
      fetcher.store().extract(artifact, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SourceException e) {
      throw new GeneratorException("cannot unpack " + artifact.path() + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code HEAD} (or nothing) is the remote's default branch; 40 hex digits a commit; a name the
   * remote has as a tag a tag, any other a branch (Argo CD's {@code revision} takes all four).
   */
  private GitRef ref(GitSourceSpec spec, String revision) throws SourceException {
    if (revision == null || revision.isBlank() || revision.equals("HEAD")) {
      return GitRef.ofBranch(fetcher.defaultBranch(spec));
    }
    if (COMMIT.matcher(revision).matches()) {
      return GitRef.ofCommit(revision);
    }
    if (revision.startsWith("refs/")) {
      return GitRef.ofName(revision);
    }
    return fetcher.isTag(spec, revision) ? GitRef.ofTag(revision) : GitRef.ofBranch(revision);
  }

  private static String id(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    unpacked.clear();
    DirectoryTrees.deleteQuietly(root);
  }
}

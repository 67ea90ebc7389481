package dev.cairn.cli;

import dev.cairn.engine.argo.appset.ArtifactGitTrees;
import dev.cairn.engine.argo.appset.GitTrees;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.DirectoryTrees;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.source.git.GitUrlRewrites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Repository content for {@code cairn appset preview}: an aliased URL reads its local directory as
 * it is on disk; any other is fetched into a temporary store that is deleted afterwards.
 */
final class PreviewGitTrees implements GitTrees, AutoCloseable {
  private final Map<String, Path> aliases;
  private final Path temp;
  private ArtifactGitTrees fetched;

  PreviewGitTrees(Map<String, Path> aliases) {
    this.aliases = Map.copyOf(aliases);
    try {
      this.temp = Files.createTempDirectory("cairn-appset-preview-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Path checkout(String repoURL, String revision) {
    for (Map.Entry<String, Path> alias : aliases.entrySet()) {
      GitUrlRewrites rule = GitUrlRewrites.none().with(alias.getKey(), "file:///alias");
      if (rule.rewrite(repoURL).isPresent()) {
        return alias.getValue();
      }
    }
    return fetcher().checkout(repoURL, revision);
  }

  private ArtifactGitTrees fetcher() {
    if (fetched == null) {
      try {
        ArtifactStore store =
            new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
        fetched =
            new ArtifactGitTrees(
                new GitFetcher(temp.resolve("git"), store), "preview", temp.resolve("trees"));
      } catch (SourceException e) {
        throw new UncheckedIOException(new IOException(e.getMessage(), e));
      }
    }
    return fetched;
  }

  @Override
  public void close() {
    if (fetched != null) {
      fetched.close();
    }
    DirectoryTrees.deleteQuietly(temp);
  }
}

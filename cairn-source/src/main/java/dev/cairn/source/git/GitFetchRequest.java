package dev.cairn.source.git;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactInclude;
import dev.cairn.source.artifact.SourceKey;
import java.util.List;

/**
 * One fetch as asked for: the source, its spec with the URL parsed and the sparse directories
 * checked, and the artifacts to compose into the result.
 *
 * @param sparse the directories the archive is limited to; empty for the whole tree
 */
record GitFetchRequest(
    SourceKey key,
    GitSourceSpec spec,
    GitUrl url,
    List<String> sparse,
    List<ArtifactInclude> includes) {

  GitFetchRequest {
    sparse = List.copyOf(sparse);
    includes = List.copyOf(includes);
  }

  /**
   * @throws SourceException when the URL cannot be parsed or {@code sparseCheckout} names something
   *     that is no directory inside the repository
   */
  static GitFetchRequest of(SourceKey key, GitSourceSpec spec, List<ArtifactInclude> includes)
      throws SourceException {
    GitUrl url = GitUrl.parse(spec.url());
    List<String> sparse = TreeArchiver.sparseDirectories(spec.sparseCheckout());
    if (sparse == null) {
      throw new SourceException(
          SourceReason.INVALID_SPEC,
          "sparseCheckout "
              + spec.sparseCheckout()
              + " must name directories inside the repository");
    }
    return new GitFetchRequest(key, spec, url, sparse, includes);
  }

  /** What the artifact of {@code revision} is built from, to tell whether it needs archiving. */
  ArchiveMemory.Inputs inputs(String revision) {
    return new ArchiveMemory.Inputs(
        url.value(), revision, spec.ignore(), sparse, spec.recurseSubmodules(), includes);
  }
}

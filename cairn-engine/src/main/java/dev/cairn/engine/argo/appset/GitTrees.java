package dev.cairn.engine.argo.appset;

import java.nio.file.Path;

/** The content of a Git repository at a revision, for the git generator. */
public interface GitTrees {

  /**
   * A directory holding the files of {@code repoURL} at {@code revision} ({@code HEAD}, a branch, a
   * tag or a commit), valid at least until the next call.
   *
   * @throws GeneratorException when the repository cannot be read; the message names it
   */
  Path checkout(String repoURL, String revision);
}

package dev.cairn.image.git;

import dev.cairn.image.setters.SetterChange;
import dev.cairn.image.setters.SetterRewriter;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.DirectoryTrees;
import dev.cairn.source.git.GitRemoteAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Function;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Runs one automation against Git: clone, rewrite, commit, push; retried on the new head when the
 * push is rejected because the branch moved, never forced. Nothing is committed when the setters
 * change nothing. Thread-safe (each run works in its own temporary clone).
 */
public final class UpdateCommitter {
  /** Pushes tried before giving up on a branch that keeps moving. */
  static final int MAX_ATTEMPTS = 4;

  private final Path workDirectory;
  private final Clock clock;
  private final SetterRewriter setters = new SetterRewriter();

  public UpdateCommitter(Path workDirectory, Clock clock) {
    this.workDirectory = workDirectory;
    this.clock = clock;
  }

  /**
   * Runs {@code request}; {@code message} turns the changes into the commit message.
   *
   * @throws SourceException on Git failures (redacted), or an update path outside the repository
   */
  public UpdateResult run(UpdateRequest request, Function<List<SetterChange>, String> message)
      throws SourceException {
    Path dir = null;
    try (GitRemoteAccess access = GitRemoteAccess.open(request.source(), workDirectory)) {
      Files.createDirectories(workDirectory);
      dir = Files.createTempDirectory(workDirectory, "automation-");
      try (Git git = clone(access, request, dir)) {
        return commitAndPush(access, git, request, dir, message);
      }
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "cannot prepare a working copy: " + e.getMessage());
    } finally {
      if (dir != null) {
        DirectoryTrees.deleteQuietly(dir);
      }
    }
  }

  /**
   * What the setters would change on the checkout branch itself, without committing: empty when
   * that branch already holds every pick (for example after a pull request was merged).
   */
  public List<SetterChange> pending(UpdateRequest request) throws SourceException {
    UpdateRequest onBase =
        new UpdateRequest(
            request.source(),
            request.checkoutBranch(),
            null,
            null,
            request.updatePath(),
            request.authorName(),
            request.authorEmail(),
            request.picks());
    Path dir = null;
    try (GitRemoteAccess access = GitRemoteAccess.open(onBase.source(), workDirectory)) {
      Files.createDirectories(workDirectory);
      dir = Files.createTempDirectory(workDirectory, "pending-");
      try (Git git = clone(access, onBase, dir)) {
        return setters.rewrite(dir, updateDirectory(dir, onBase), onBase.picks());
      }
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.STORAGE_OPERATION_FAILED,
          "cannot prepare a working copy: " + e.getMessage());
    } finally {
      if (dir != null) {
        DirectoryTrees.deleteQuietly(dir);
      }
    }
  }

  private UpdateResult commitAndPush(
      GitRemoteAccess access,
      Git git,
      UpdateRequest request,
      Path dir,
      Function<List<SetterChange>, String> message)
      throws SourceException {
    String target = request.targetBranch();
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      String base = head(git);
      List<SetterChange> changes =
          setters.rewrite(dir, updateDirectory(dir, request), request.picks());
      if (changes.isEmpty()) {
        return new UpdateResult(null, base, List.of(), 0);
      }
      RevCommit commit = commit(git, request, message.apply(changes));
      if (push(access, git, request, target)) {
        return new UpdateResult(commit.getName(), base, changes, attempt);
      }
      // The branch moved: start again from its new head; the local commit is dropped, not pushed.
      fetchAndReset(access, git, target);
    }
    throw new SourceException(
        SourceReason.GIT_OPERATION_FAILED,
        "push to branch '" + target + "' was rejected " + MAX_ATTEMPTS + " times: it keeps moving");
  }

  private Git clone(GitRemoteAccess access, UpdateRequest request, Path dir)
      throws SourceException {
    try {
      Git git =
          access
              .configure(
                  Git.cloneRepository()
                      .setURI(request.source().url())
                      .setDirectory(dir.toFile())
                      .setBranch("refs/heads/" + request.checkoutBranch())
                      .setNoTags())
              .call();
      String target = request.targetBranch();
      if (!target.equals(request.checkoutBranch())) {
        ObjectId remote = git.getRepository().resolve("refs/remotes/origin/" + target);
        git.checkout()
            .setCreateBranch(true)
            .setName(target)
            .setStartPoint(remote == null ? "HEAD" : "refs/remotes/origin/" + target)
            .call();
      }
      return git;
    } catch (GitAPIException | IOException e) {
      throw access.failure("clone branch '" + request.checkoutBranch() + "'", e);
    }
  }

  private static Path updateDirectory(Path root, UpdateRequest request) throws SourceException {
    String path = request.updatePath() == null ? "" : request.updatePath().strip();
    Path resolved = root.resolve(path.isEmpty() ? "." : path).normalize();
    if (!resolved.startsWith(root.normalize()) || resolved.startsWith(root.resolve(".git"))) {
      throw new SourceException(
          SourceReason.INVALID_SPEC, "update.path '" + path + "' points outside the repository");
    }
    if (!Files.isDirectory(resolved)) {
      throw new SourceException(
          SourceReason.INVALID_SPEC,
          "update.path '" + path + "' is not a directory of the repository");
    }
    return resolved;
  }

  private RevCommit commit(Git git, UpdateRequest request, String message) throws SourceException {
    PersonIdent person =
        new PersonIdent(
            request.authorName() == null ? "" : request.authorName(),
            request.authorEmail(),
            Date.from(clock.instant()),
            TimeZone.getTimeZone(ZoneOffset.UTC));
    try {
      git.add().addFilepattern(".").call();
      return git.commit()
          .setAuthor(person)
          .setCommitter(person)
          .setMessage(message)
          .setSign(false)
          .call();
    } catch (GitAPIException e) {
      throw new SourceException(
          SourceReason.GIT_OPERATION_FAILED, "cannot commit: " + e.getMessage());
    }
  }

  /** True when every ref was updated; false when the branch moved (non-fast-forward). */
  private static boolean push(GitRemoteAccess access, Git git, UpdateRequest request, String target)
      throws SourceException {
    try {
      var push =
          access
              .configure(git.push())
              .setRemote("origin")
              .setRefSpecs(new RefSpec("HEAD:refs/heads/" + target));
      if (request.refspec() != null && !request.refspec().isBlank()) {
        push.add(request.refspec().strip().replace("HEAD", git.getRepository().getFullBranch()));
      }
      for (PushResult result : push.call()) {
        for (RemoteRefUpdate update : result.getRemoteUpdates()) {
          switch (update.getStatus()) {
            case OK, UP_TO_DATE -> {}
            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
              return false;
            }
            default ->
                throw new SourceException(
                    SourceReason.GIT_OPERATION_FAILED,
                    "push of "
                        + update.getRemoteName()
                        + " failed: "
                        + update.getStatus()
                        + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
          }
        }
      }
      return true;
    } catch (GitAPIException | IOException e) {
      throw access.failure("push to branch '" + target + "'", e);
    }
  }

  private static void fetchAndReset(GitRemoteAccess access, Git git, String target)
      throws SourceException {
    try {
      access
          .configure(git.fetch())
          .setRemote("origin")
          .setRefSpecs(new RefSpec("+refs/heads/" + target + ":refs/remotes/origin/" + target))
          .call();
      git.reset()
          .setMode(ResetCommand.ResetType.HARD)
          .setRef("refs/remotes/origin/" + target)
          .call();
    } catch (GitAPIException e) {
      throw access.failure("fetch branch '" + target + "'", e);
    }
  }

  private static String head(Git git) throws SourceException {
    try {
      ObjectId head = git.getRepository().resolve("HEAD");
      return head == null ? null : head.getName();
    } catch (IOException e) {
      throw new SourceException(
          SourceReason.GIT_OPERATION_FAILED, "cannot read HEAD: " + e.getMessage());
    }
  }
}

package dev.cairn.cli.bootstrap;

import dev.cairn.source.artifact.DirectoryTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * A temporary clone of the fleet repository, made with JGit: the branch is checked out (or, when
 * the remote does not have it yet, started from the remote's default branch, or as the first commit
 * of an empty repository), files are written, committed only when they changed, and pushed. Closing
 * deletes the clone.
 */
final class BootstrapRepository implements AutoCloseable {
  private static final int TIMEOUT_SECONDS = 60;

  private final Git git;
  private final Path directory;
  private final BootstrapSettings settings;

  private BootstrapRepository(Git git, Path directory, BootstrapSettings settings) {
    this.git = git;
    this.directory = directory;
    this.settings = settings;
  }

  /** Clones {@code settings.url()} into a new temporary directory and checks out the branch. */
  static BootstrapRepository clone(BootstrapSettings settings) throws GitAPIException {
    Path directory;
    try {
      directory = Files.createTempDirectory("cairn-bootstrap-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Git git = null;
    try {
      git = open(settings, directory);
      return new BootstrapRepository(git, directory, settings);
    } catch (GitAPIException | IOException | RuntimeException e) {
      if (git != null) {
        git.close();
      }
      DirectoryTrees.deleteQuietly(directory);
      if (e instanceof GitAPIException gitError) {
        throw gitError;
      }
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /**
   * The branch when the remote has it; else a new branch from the remote's default branch; else (an
   * empty repository, or one whose HEAD names no branch) a new repository whose first commit starts
   * the branch.
   */
  private static Git open(BootstrapSettings settings, Path directory)
      throws GitAPIException, IOException {
    String branch = "refs/heads/" + settings.branch();
    Map<String, Ref> remote =
        transport(Git.lsRemoteRepository().setRemote(settings.url()), settings.auth()).callAsMap();
    if (remote.containsKey(branch)) {
      return transport(cloneInto(settings, directory), settings.auth())
          .setBranch(branch)
          .setBranchesToClone(List.of(branch))
          .call();
    }
    if (remote.containsKey("HEAD")) {
      Git git = transport(cloneInto(settings, directory), settings.auth()).call();
      git.checkout().setCreateBranch(true).setName(settings.branch()).setStartPoint("HEAD").call();
      return git;
    }
    Git git =
        Git.init().setDirectory(directory.toFile()).setInitialBranch(settings.branch()).call();
    StoredConfig config = git.getRepository().getConfig();
    config.setString("remote", "origin", "url", settings.url());
    config.save();
    return git;
  }

  private static CloneCommand cloneInto(BootstrapSettings settings, Path directory) {
    return Git.cloneRepository().setURI(settings.url()).setDirectory(directory.toFile());
  }

  /** Writes the files (path relative to the repository's root) and stages them. */
  void write(Map<String, String> files) throws GitAPIException {
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = directory.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        git.add().addFilepattern(file.getKey()).call();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits what {@link #write} staged; empty when nothing differs from the branch's head. */
  Optional<String> commitIfChanged(String message, PersonIdent author) throws GitAPIException {
    boolean unborn = head() == null;
    if (!unborn && git.status().call().getUncommittedChanges().isEmpty()) {
      return Optional.empty();
    }
    RevCommit commit =
        git.commit().setMessage(message).setAuthor(author).setCommitter(author).call();
    return Optional.of(commit.getName());
  }

  /** The commit the branch points at, or null on an empty repository. */
  String head() {
    try {
      ObjectId id = git.getRepository().resolve("refs/heads/" + settings.branch());
      return id == null ? null : id.getName();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pushes the branch; a rejected update (someone pushed first) is an error naming the reason. */
  void push() throws GitAPIException {
    String ref = "refs/heads/" + settings.branch();
    Iterable<PushResult> results =
        transport(
                git.push().setRemote("origin").setRefSpecs(new RefSpec(ref + ":" + ref)),
                settings.auth())
            .call();
    for (PushResult result : results) {
      Collection<RemoteRefUpdate> updates = result.getRemoteUpdates();
      for (RemoteRefUpdate update : updates) {
        RemoteRefUpdate.Status status = update.getStatus();
        if (status != RemoteRefUpdate.Status.OK && status != RemoteRefUpdate.Status.UP_TO_DATE) {
          throw new IllegalStateException(
              "the Git server refused the push to "
                  + settings.branch()
                  + ": "
                  + status
                  + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
        }
      }
    }
  }

  private static <C extends TransportCommand<C, ?>> C transport(C command, GitAuth auth) {
    command.setTimeout(TIMEOUT_SECONDS);
    if (auth.present() && !auth.bearer()) {
      command.setCredentialsProvider(
          new UsernamePasswordCredentialsProvider(auth.username(), auth.password()));
    }
    if (auth.present() && auth.bearer()) {
      command.setTransportConfigCallback(
          transport -> {
            if (transport instanceof TransportHttp http) {
              http.setAdditionalHeaders(Map.of("Authorization", "Bearer " + auth.password()));
            }
          });
    }
    return command;
  }

  @Override
  public void close() {
    git.close();
    DirectoryTrees.deleteQuietly(directory);
  }
}

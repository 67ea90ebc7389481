package dev.cairn.sim.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Signer;

/**
 * A working copy driven by the real {@code git} CLI, for tests that build history and push it to a
 * test server. Global and system Git configuration are ignored; prompts are disabled.
 */
public final class GitWorkingCopy {
  private final Path directory;
  private final List<String> authConfig = new ArrayList<>();

  private GitWorkingCopy(Path directory) {
    this.directory = directory;
  }

  /** Runs {@code git init} on branch {@code main} in {@code directory} (created if needed). */
  public static GitWorkingCopy init(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GitWorkingCopy copy = new GitWorkingCopy(directory);
    copy.git("init", "-q", "-b", "main");
    return copy;
  }

  /** Sends HTTP basic credentials as an extra header (they never go into a URL). */
  public GitWorkingCopy withBasicAuth(String username, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    authConfig.clear();
    authConfig.add("-c");
    authConfig.add("http.extraHeader=Authorization: Basic " + token);
    return this;
  }

  /** Sends {@code Authorization: Bearer <token>} as an extra header. */
  public GitWorkingCopy withBearerToken(String token) {
    authConfig.clear();
    authConfig.add("-c");
    authConfig.add("http.extraHeader=Authorization: Bearer " + token);
    return this;
  }

  /** Uses {@code ssh -i key} with the given known_hosts file for SSH remotes. */
  public GitWorkingCopy withSshKey(Path privateKey, Path knownHosts) {
    authConfig.clear();
    authConfig.add("-c");
    authConfig.add(
        "core.sshCommand=ssh -i "
            + privateKey
            + " -o IdentitiesOnly=yes -o UserKnownHostsFile="
            + knownHosts
            + " -o StrictHostKeyChecking=yes");
    return this;
  }

  public Path directory() {
    return directory;
  }

  /** Writes a file (parents created) relative to the working copy. */
  public GitWorkingCopy write(String path, String content) {
    try {
      Path file = directory.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public GitWorkingCopy delete(String path) {
    git("rm", "-q", "-r", path);
    return this;
  }

  /** Stages everything and commits; returns the new commit id. */
  public String commitAll(String message) {
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", message);
    return head();
  }

  /**
   * Stages everything and commits with a signature by {@code key} (JGit signs, e.g. with the test
   * kit's {@code TestPgpKey}; the git CLI would need gpg and a keyring); returns the new commit id.
   */
  public String commitAllSigned(String message, Signer key) {
    git("add", "-A");
    try (Git repository = Git.open(directory.toFile())) {
      PersonIdent who = new PersonIdent("Cairn Test", "test@cairn.dev");
      return repository
          .commit()
          .setMessage(message)
          .setAuthor(who)
          .setCommitter(who)
          .setAllowEmpty(true)
          .setSign(true)
          .setSigner(key)
          .setSigningKey("test")
          .call()
          .name();
    } catch (IOException | GitAPIException e) {
      throw new IllegalStateException("cannot commit signed in " + directory, e);
    }
  }

  public String head() {
    return git("rev-parse", "HEAD").strip();
  }

  public GitWorkingCopy checkoutNewBranch(String branch) {
    git("checkout", "-q", "-b", branch);
    return this;
  }

  public GitWorkingCopy checkout(String ref) {
    git("checkout", "-q", ref);
    return this;
  }

  public GitWorkingCopy tag(String name) {
    git("tag", name);
    return this;
  }

  public GitWorkingCopy annotatedTag(String name, String message) {
    git("tag", "-a", name, "-m", message);
    return this;
  }

  /** Pushes the given refspecs (default: all branches and tags) to {@code url}. */
  public GitWorkingCopy push(String url, String... refspecs) {
    List<String> args = new ArrayList<>(List.of("push", "-q", "--force", url));
    if (refspecs.length == 0) {
      args.add("refs/heads/*:refs/heads/*");
      args.add("refs/tags/*:refs/tags/*");
    } else {
      args.addAll(List.of(refspecs));
    }
    git(args.toArray(String[]::new));
    return this;
  }

  /** Runs {@code git} with the given arguments in the working copy and returns its stdout. */
  public String git(String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(authConfig);
    command.addAll(List.of("-c", "user.name=Cairn Test", "-c", "user.email=test@cairn.dev"));
    command.addAll(List.of("-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"));
    command.addAll(List.of(args));
    return run(directory, command, "git " + String.join(" ", args));
  }

  /** Runs a command; {@code description} (free of secrets) labels failures. */
  static String run(Path directory, List<String> command, String description) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    Map<String, String> env = builder.environment();
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_ASKPASS", "/bin/false");
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(description + " timed out");
      }
      String text = new String(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(description + " failed: " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + description, e);
    }
  }
}

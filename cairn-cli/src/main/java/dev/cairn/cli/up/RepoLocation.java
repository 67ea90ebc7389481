package dev.cairn.cli.up;

import dev.cairn.cli.CliException;
import dev.cairn.cli.ExitCode;
import dev.cairn.source.SourceException;
import dev.cairn.source.git.GitUrl;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * What {@code --repo} names: a remote URL (https, http, ssh), synced as it is, or a local
 * repository ({@code file://} URL or a path to a clone or a plain directory), which is copied and
 * served like {@code --fleet}. The cluster's GitRepository schema (as Flux's) accepts only http,
 * https and ssh URLs, so a local repository always reaches the cluster as the served copy.
 *
 * @param url the remote URL, or null for a local repository
 * @param directory the local directory, or null for a remote URL
 */
public record RepoLocation(String url, Path directory) {

  /** Parses {@code value}; a value that is neither gets one line naming {@code --repo}. */
  public static RepoLocation parse(String value) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw invalid(value, "is empty");
    }
    if (v.regionMatches(true, 0, "file:", 0, 5)) {
      Path dir;
      try {
        dir = Path.of(URI.create(v));
      } catch (IllegalArgumentException e) {
        throw invalid(v, "is not a valid file URL (file:///absolute/path)");
      }
      return local(v, dir);
    }
    if (v.contains("://")) {
      try {
        GitUrl.parse(v);
      } catch (SourceException e) {
        throw new CliException(ExitCode.USAGE, "--repo: " + e.getMessage());
      }
      return new RepoLocation(v, null);
    }
    if (v.matches("^[^/@]+@[^/:]+:.+") && !Files.exists(Path.of(v))) {
      throw invalid(v, "is an scp-like address; write it as ssh://user@host/path");
    }
    try {
      return local(v, Path.of(v));
    } catch (InvalidPathException e) {
      throw invalid(v, "is neither a URL (https://, http://, ssh://, file://) nor a directory");
    }
  }

  private static RepoLocation local(String value, Path dir) {
    if (!Files.exists(dir)) {
      throw invalid(
          value,
          value.contains("://")
              ? "names " + dir + ", which does not exist"
              : "is neither a URL (https://, http://, ssh://, file://) nor an existing directory");
    }
    if (!Files.isDirectory(dir)) {
      throw invalid(value, "is a file, not a repository directory");
    }
    if (Files.isDirectory(dir.resolve("objects")) && Files.isRegularFile(dir.resolve("HEAD"))) {
      throw invalid(value, "is a bare repository; pass a clone of it (git clone)");
    }
    return new RepoLocation(null, dir.toAbsolutePath().normalize());
  }

  public boolean isLocal() {
    return directory != null;
  }

  private static CliException invalid(String value, String why) {
    return new CliException(ExitCode.USAGE, "--repo '" + value + "' " + why);
  }
}

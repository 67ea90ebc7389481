package dev.cairn.cli.up;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code cairn up} syncs and where.
 *
 * @param fleet a local fleet directory (a clone or a plain directory) copied into a served working
 *     copy (used when repoUrl is null); null means the project's {@code examples/fleet}
 * @param repoUrl a remote Git repository (https, http, ssh) to sync instead
 * @param branch the branch to follow
 * @param path the cluster directory inside the repository
 * @param kubeconfig a real cluster's kubeconfig; null (with no context) means the simulated cluster
 * @param context a kubeconfig context; set alone, it selects that context of the default kubeconfig
 * @param workDir where the working copy, kubeconfig and controller data go; null means a new
 *     temporary directory
 * @param pollInterval how often the view and the working copy's branch are looked at
 * @param gitAliases URLs that Git consumers in the cluster fetch from a served copy of a local
 *     directory instead ({@code --git-alias URL=DIR})
 */
public record UpSettings(
    Path fleet,
    String repoUrl,
    String branch,
    String path,
    Path kubeconfig,
    String context,
    Path workDir,
    Duration pollInterval,
    Map<String, Path> gitAliases) {

  public UpSettings {
    gitAliases = gitAliases == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(gitAliases));
  }

  public static UpSettings defaults() {
    return new UpSettings(
        null,
        null,
        "main",
        "./clusters/production",
        null,
        null,
        null,
        Duration.ofMillis(500),
        Map.of());
  }

  public boolean simulated() {
    return kubeconfig == null && context == null;
  }

  public UpSettings withFleet(Path value) {
    return new UpSettings(
        value, repoUrl, branch, path, kubeconfig, context, workDir, pollInterval, gitAliases);
  }

  public UpSettings withRepo(String url) {
    return new UpSettings(
        fleet, url, branch, path, kubeconfig, context, workDir, pollInterval, gitAliases);
  }

  public UpSettings withBranch(String value) {
    return new UpSettings(
        fleet, repoUrl, value, path, kubeconfig, context, workDir, pollInterval, gitAliases);
  }

  public UpSettings withPath(String value) {
    return new UpSettings(
        fleet, repoUrl, branch, value, kubeconfig, context, workDir, pollInterval, gitAliases);
  }

  public UpSettings withCluster(Path file, String name) {
    return new UpSettings(
        fleet, repoUrl, branch, path, file, name, workDir, pollInterval, gitAliases);
  }

  public UpSettings withWorkDir(Path value) {
    return new UpSettings(
        fleet, repoUrl, branch, path, kubeconfig, context, value, pollInterval, gitAliases);
  }

  public UpSettings withGitAliases(Map<String, Path> value) {
    return new UpSettings(
        fleet, repoUrl, branch, path, kubeconfig, context, workDir, pollInterval, value);
  }
}

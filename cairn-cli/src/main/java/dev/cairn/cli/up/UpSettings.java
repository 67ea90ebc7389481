package dev.cairn.cli.up;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code cairn up} syncs and where.
 *
 * @param fleet a local fleet directory copied into a served working copy (used when repoUrl is
 *     null); null means the project's {@code examples/fleet}
 * @param repoUrl a Git repository to sync instead (https, ssh or file)
 * @param branch the branch to follow
 * @param path the cluster directory inside the repository
 * @param kubeconfig a real cluster's kubeconfig; null (with no context) means the simulated cluster
 * @param context a kubeconfig context; set alone, it selects that context of the default kubeconfig
 * @param workDir where the working copy, kubeconfig and controller data go; null means a new
 *     temporary directory
 * @param pollInterval how often the view and the working copy's branch are looked at
 */
public record UpSettings(
    Path fleet,
    String repoUrl,
    String branch,
    String path,
    Path kubeconfig,
    String context,
    Path workDir,
    Duration pollInterval) {

  public static UpSettings defaults() {
    return new UpSettings(
        null, null, "main", "./clusters/production", null, null, null, Duration.ofMillis(500));
  }

  public boolean simulated() {
    return kubeconfig == null && context == null;
  }

  public UpSettings withFleet(Path value) {
    return new UpSettings(value, repoUrl, branch, path, kubeconfig, context, workDir, pollInterval);
  }

  public UpSettings withRepo(String url) {
    return new UpSettings(fleet, url, branch, path, kubeconfig, context, workDir, pollInterval);
  }

  public UpSettings withBranch(String value) {
    return new UpSettings(fleet, repoUrl, value, path, kubeconfig, context, workDir, pollInterval);
  }

  public UpSettings withPath(String value) {
    return new UpSettings(
        fleet, repoUrl, branch, value, kubeconfig, context, workDir, pollInterval);
  }

  public UpSettings withCluster(Path file, String name) {
    return new UpSettings(fleet, repoUrl, branch, path, file, name, workDir, pollInterval);
  }

  public UpSettings withWorkDir(Path value) {
    return new UpSettings(fleet, repoUrl, branch, path, kubeconfig, context, value, pollInterval);
  }
}

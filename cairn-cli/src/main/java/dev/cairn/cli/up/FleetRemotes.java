package dev.cairn.cli.up;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The URLs of a local clone's remotes ({@code git remote -v}), read with JGit from its config. */
final class FleetRemotes {

  private FleetRemotes() {}

  /** Every fetch and push URL of every remote of the clone at {@code dir}; none for a plain dir. */
  static List<String> urls(Path dir) {
    if (!Files.exists(dir.resolve(".git"))) {
      return List.of();
    }
    try (Repository repository = new FileRepositoryBuilder().setWorkTree(dir.toFile()).build()) {
      Config config = repository.getConfig();
      List<String> urls = new ArrayList<>();
      for (String remote : config.getSubsections("remote")) {
        for (String key : List.of("url", "pushurl")) {
          for (String url : config.getStringList("remote", remote, key)) {
            if (!url.isBlank() && !urls.contains(url)) {
              urls.add(url);
            }
          }
        }
      }
      return urls;
    } catch (IOException | IllegalArgumentException e) {
      return List.of();
    }
  }

  /** The branch checked out in the clone at {@code dir}; {@code main} for a plain directory. */
  static String branch(Path dir) {
    if (!Files.exists(dir.resolve(".git"))) {
      return "main";
    }
    try (Repository repository = new FileRepositoryBuilder().setWorkTree(dir.toFile()).build()) {
      String branch = repository.getBranch();
      return branch == null || branch.matches("[0-9a-f]{40}") ? "main" : branch;
    } catch (IOException | IllegalArgumentException e) {
      return "main";
    }
  }
}

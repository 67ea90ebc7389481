package dev.cairn.render.tree;

import dev.cairn.render.RenderException;
import dev.cairn.render.RenderException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds a directory's kustomization file, or lists what Flux's kustomize-controller puts in the
 * kustomization it generates for a directory without one.
 *
 * <p>Flux's rules: walk the directory recursively in name order; a sub-directory holding its own
 * kustomization file is listed as one resource and not entered; every other {@code *.yaml} and
 * {@code *.yml} file is listed. Flux's source-controller leaves VCS, CI and tool files out of
 * artifacts ({@code .git/}, {@code .github/}, {@code .gitlab-ci.yml}, {@code .sops.yaml}, ...);
 * Cairn skips them here too, as it skips every hidden file and directory.
 */
public final class KustomizationFiles {
  /** The names kustomize recognises, in the order it looks for them. */
  public static final List<String> NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private static final Set<String> IGNORED_FILES =
      Set.of("appveyor.yml", "cloudbuild.yaml", "codeship-services.yml", "codeship-steps.yml");

  private KustomizationFiles() {}

  /** The kustomization file of {@code dir}, if it has one. */
  public static Optional<Path> find(Path dir) {
    for (String name : NAMES) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  /**
   * The resources of the kustomization Flux would generate for {@code dir}, as paths relative to it
   * written {@code ./a/b.yaml}, in walk order.
   */
  public static List<String> generatedResources(Path dir) {
    List<String> resources = new ArrayList<>();
    walk(dir, dir, resources);
    return resources;
  }

  private static void walk(Path base, Path dir, List<String> resources) {
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.sorted().toList();
    } catch (IOException e) {
      throw new RenderException(
          Reason.IO, "cannot list '" + base.relativize(dir) + "': " + e.getMessage(), e);
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        if (find(entry).isPresent()) {
          resources.add(relative(base, entry));
        } else {
          walk(base, entry, resources);
        }
      } else if ((name.endsWith(".yaml") || name.endsWith(".yml"))
          && !IGNORED_FILES.contains(name)
          && !NAMES.contains(name)) {
        resources.add(relative(base, entry));
      }
    }
  }

  private static String relative(Path base, Path entry) {
    return "./" + base.relativize(entry).toString().replace('\\', '/');
  }
}

package dev.cairn.render.argo;

import dev.cairn.api.argo.ApplicationSourceDirectory;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ManifestException;
import dev.cairn.manifest.YamlReader;
import dev.cairn.render.RenderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A plain directory of manifests, as Argo CD reads one: the {@code .yaml}, {@code .yml} and {@code
 * .json} files of the directory (and of its subdirectories with {@code recurse: true}), in path
 * order, minus those {@code exclude} matches, limited to those {@code include} matches. Patterns
 * are globs over the path relative to the directory, {@code *} crossing directories and {@code
 * {a,b}} alternatives, as in Argo CD.
 */
final class ManifestDirectory {
  private final YamlReader reader = YamlReader.defaults();

  List<KubeObject> read(Path root, Path dir, ApplicationSourceDirectory options) {
    boolean recurse = options != null && Boolean.TRUE.equals(options.recurse());
    PathMatcher include = matcher(options == null ? null : options.include());
    PathMatcher exclude = matcher(options == null ? null : options.exclude());
    List<KubeObject> objects = new ArrayList<>();
    try (Stream<Path> files = recurse ? Files.walk(dir) : Files.list(dir)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        Path relative = dir.relativize(file);
        if (!manifest(file)
            || (include != null && !include.matches(relative))
            || (exclude != null && exclude.matches(relative))) {
          continue;
        }
        String name = root.relativize(file).toString();
        objects.addAll(reader.readObjects(name, Files.readString(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new RenderException(
          RenderException.Reason.IO, "cannot read " + root.relativize(dir) + ": " + e.getMessage());
    } catch (ManifestException e) {
      throw new RenderException(RenderException.Reason.INVALID_OBJECT, e.getMessage());
    }
    return objects;
  }

  private static boolean manifest(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  /** Argo CD's globs: {@code *} crosses directories (Java's {@code **}). */
  static PathMatcher matcher(String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      return null;
    }
    String java = pattern.replace("**", "*").replace("*", "**");
    return FileSystems.getDefault().getPathMatcher("glob:" + java);
  }
}

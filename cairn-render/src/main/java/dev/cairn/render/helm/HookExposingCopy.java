package dev.cairn.render.helm;

import dev.cairn.manifest.KubeObject;
import dev.cairn.render.RenderException;
import dev.cairn.source.artifact.DirectoryTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * helm-java's {@code template} returns the release manifest without hooks. To see them, the chart
 * is rendered from a temporary copy whose template files spell the hook annotations {@value
 * #HIDDEN} instead of {@code helm.sh/hook}, so Helm treats hooks as ordinary objects; {@link
 * #restore} puts the real annotation names back on each rendered object. Hooks inside packaged
 * sub-charts ({@code charts/*.tgz}) are not exposed this way and are rendered as Helm does: not at
 * all.
 */
final class HookExposingCopy {
  static final String HIDDEN = "cairn.dev/exposed-helm-hook";
  private static final String HOOK = "helm.sh/hook";

  private HookExposingCopy() {}

  /** A copy of {@code chartDir} (under a fresh temp directory) with hook annotations renamed. */
  static Path of(Path chartDir) {
    Path root = null;
    try {
      root = Files.createTempDirectory("cairn-chart-");
      Path target = root.resolve(chartDir.getFileName().toString());
      List<Path> sources;
      try (Stream<Path> walk = Files.walk(chartDir)) {
        sources = new ArrayList<>(walk.toList());
      }
      for (Path source : sources) {
        Path dest = target.resolve(chartDir.relativize(source).toString());
        if (Files.isDirectory(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(dest);
        } else if (Files.isRegularFile(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          if (isTemplate(chartDir.relativize(source))) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            Files.writeString(dest, text.replace(HOOK, HIDDEN), StandardCharsets.UTF_8);
          } else {
            Files.copy(source, dest);
          }
        }
      }
      return target;
    } catch (IOException e) {
      if (root != null) {
        DirectoryTrees.deleteQuietly(root);
      }
      throw new RenderException(
          RenderException.Reason.IO, "cannot copy the chart to render it: " + e.getMessage(), e);
    }
  }

  private static boolean isTemplate(Path relative) {
    for (Path part : relative) {
      if (part.toString().equals("templates")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Renames {@value #HIDDEN}{@code *} annotations of {@code object} back to {@code helm.sh/hook*}.
   */
  static void restore(KubeObject object) {
    Map<String, String> annotations = object.annotations();
    for (Map.Entry<String, String> e : List.copyOf(annotations.entrySet())) {
      if (e.getKey().startsWith(HIDDEN)) {
        object.removeAnnotation(e.getKey());
        object.setAnnotation(HOOK + e.getKey().substring(HIDDEN.length()), e.getValue());
      }
    }
  }
}

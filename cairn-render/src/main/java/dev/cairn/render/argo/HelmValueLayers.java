package dev.cairn.render.argo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.argo.ApplicationSourceHelm;
import dev.cairn.api.argo.HelmFileParameter;
import dev.cairn.api.argo.HelmParameter;
import dev.cairn.render.RenderException;
import dev.cairn.render.helm.HelmValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of an Argo CD Helm source as Helm's {@code -f} layers, a later layer winning, in the
 * order Argo CD passes them to {@code helm template}: each of {@code valueFiles} (relative to the
 * chart directory, or {@code $ref/path} in the source with that {@code ref}), then {@code
 * valuesObject} (or, when it is not set, {@code values}), then {@code parameters} and {@code
 * fileParameters} ({@code --set}, {@code --set-string}, {@code --set-file}).
 */
final class HelmValueLayers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HelmValueLayers() {}

  /**
   * @param repoRoot the root of the checked-out repository (value files may not leave it)
   * @param chartDir the chart directory
   */
  static List<String> of(
      ApplicationSourceHelm helm, Path repoRoot, Path chartDir, ArgoRenderContext context) {
    List<String> layers = new ArrayList<>();
    if (helm == null) {
      return layers;
    }
    boolean ignoreMissing = Boolean.TRUE.equals(helm.ignoreMissingValueFiles());
    for (String name : helm.valueFiles() == null ? List.<String>of() : helm.valueFiles()) {
      Path file = valueFile(name, repoRoot, chartDir, context);
      if (!Files.isRegularFile(file)) {
        if (ignoreMissing) {
          continue;
        }
        throw new RenderException(
            RenderException.Reason.PATH_NOT_FOUND,
            "Error: open " + name + ": no such file or directory (spec.source.helm.valueFiles)");
      }
      layers.add(read(file, name));
    }
    if (helm.valuesObject() != null && !helm.valuesObject().isNull()) {
      layers.add(helm.valuesObject().toString());
    } else if (helm.values() != null && !helm.values().isBlank()) {
      layers.add(helm.values());
    }
    Map<String, Object> set = parameters(helm, repoRoot, chartDir);
    if (!set.isEmpty()) {
      try {
        layers.add(JSON.writeValueAsString(set));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write Helm parameters", e);
      }
    }
    return layers;
  }

  private static Map<String, Object> parameters(
      ApplicationSourceHelm helm, Path repoRoot, Path chartDir) {
    Map<String, Object> set = new LinkedHashMap<>();
    for (HelmParameter p :
        helm.parameters() == null ? List.<HelmParameter>of() : helm.parameters()) {
      try {
        HelmValues.setPath(
            set,
            p.name(),
            p.value() == null ? "" : p.value(),
            Boolean.TRUE.equals(p.forceString()));
      } catch (IllegalArgumentException e) {
        throw new RenderException(
            RenderException.Reason.HELM_FAILED,
            "helm parameter " + p.name() + ": " + e.getMessage());
      }
    }
    List<HelmFileParameter> files =
        helm.fileParameters() == null ? List.of() : helm.fileParameters();
    for (HelmFileParameter p : files) {
      Path file = chartDir.resolve(p.path()).normalize();
      if (!file.startsWith(repoRoot) || !Files.isRegularFile(file)) {
        throw new RenderException(
            RenderException.Reason.PATH_NOT_FOUND,
            "helm fileParameter " + p.name() + ": open " + p.path() + ": no such file");
      }
      HelmValues.setPath(set, p.name(), read(file, p.path()), true);
    }
    return set;
  }

  /** {@code $ref/path} in the source with that ref, else relative to the chart directory. */
  static Path valueFile(String name, Path repoRoot, Path chartDir, ArgoRenderContext context) {
    if (name.startsWith("http://") || name.startsWith("https://")) {
      throw new RenderException(
          RenderException.Reason.PATH_OUTSIDE_ARTIFACT,
          "value file "
              + name
              + ": remote value files are not supported by Cairn; put the file"
              + " in a source with a ref and name it $ref/path");
    }
    Path root = repoRoot;
    Path file;
    if (name.startsWith("$")) {
      int slash = name.indexOf('/');
      String ref = slash < 0 ? name.substring(1) : name.substring(1, slash);
      root = context.refs().get(ref);
      if (root == null) {
        throw new RenderException(
            RenderException.Reason.PATH_NOT_FOUND,
            "value file " + name + ": no source has ref '" + ref + "'");
      }
      file = root.resolve(slash < 0 ? "" : name.substring(slash + 1)).normalize();
    } else {
      file = chartDir.resolve(name).normalize();
    }
    if (!file.startsWith(root)) {
      throw new RenderException(
          RenderException.Reason.PATH_OUTSIDE_ARTIFACT,
          "value file " + name + " resolves outside the repository");
    }
    return file;
  }

  private static String read(Path file, String name) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RenderException(
          RenderException.Reason.IO, "cannot read value file " + name + ": " + e.getMessage());
    }
  }
}

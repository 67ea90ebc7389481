package dev.cairn.kustomize;

import dev.cairn.kustomize.engine.Builder;
import dev.cairn.kustomize.engine.Resource;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.Origin;
import dev.cairn.manifest.YamlWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a kustomization directory the way {@code kustomize build} (v5.5.0) does: a directory in,
 * ordered objects out.
 *
 * <p>Immutable and thread-safe: one instance may serve concurrent builds. Tables (merge keys, field
 * specs) load once per process; files are read once per build.
 */
public final class Kustomizer {
  private final KustomizeOptions options;

  private Kustomizer(KustomizeOptions options) {
    this.options = options;
  }

  public static Kustomizer defaults() {
    return new Kustomizer(KustomizeOptions.defaults());
  }

  public Kustomizer withOptions(KustomizeOptions value) {
    return new Kustomizer(value);
  }

  public KustomizeOptions options() {
    return options;
  }

  /**
   * Builds the kustomization in {@code dir}.
   *
   * @throws KustomizeException when the kustomization is invalid, names a missing or forbidden
   *     file, or cannot be applied; the message names the file
   */
  public List<KubeObject> build(Path dir) {
    List<KubeObject> out = new ArrayList<>();
    for (Resource r : Builder.build(dir, options)) {
      out.add(KubeObject.of(r.node(), new Origin(r.file(), r.line())));
    }
    return out;
  }

  /** Builds and writes the objects as {@code kubectl kustomize} prints them. */
  public String buildYaml(Path dir) {
    List<Resource> resources = Builder.build(dir, options);
    List<com.fasterxml.jackson.databind.node.ObjectNode> nodes = new ArrayList<>();
    for (Resource r : resources) {
      nodes.add(r.node());
    }
    return YamlWriter.writeAll(nodes);
  }
}

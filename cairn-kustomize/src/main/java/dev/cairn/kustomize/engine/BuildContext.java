package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.KustomizeOptions;
import dev.cairn.kustomize.patch.OpenApiSchema;
import dev.cairn.kustomize.patch.PatchSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The state of one build: the file loader, parsed kustomizations and accumulated bases (each
 * computed once and copied on reuse), and the chain of directories being built (for cycles). Not
 * shared between threads.
 */
public final class BuildContext {
  /** The one Kubernetes schema version kustomize v5.5.0 embeds. */
  private static final String BUILT_IN_OPENAPI = "v1.21.2";

  private final FileLoader loader;
  private final KustomizeOptions options;
  private final Map<Path, KustomizationFile> kustomizations = new HashMap<>();
  private final Map<Path, ResourceSet> bases = new HashMap<>();
  private final Deque<Path> chain = new ArrayDeque<>();
  private PatchSchema patchSchema;
  private boolean schemaChosen;

  public BuildContext(FileLoader loader, KustomizeOptions options) {
    this.loader = loader;
    this.options = options;
  }

  private boolean liveBuildAnnotations;

  /** Kustomize keeps origin and transformer annotations on objects while it builds. */
  boolean liveBuildAnnotations() {
    return liveBuildAnnotations;
  }

  void setLiveBuildAnnotations(boolean value) {
    liveBuildAnnotations = value;
  }

  KustomizeOptions options() {
    return options;
  }

  public FileLoader loader() {
    return loader;
  }

  String display(KustomizationFile k, String ref) {
    return loader.display(k.dir().resolve(ref).normalize());
  }

  /** Reads a file named in a kustomization, enforcing the load restriction. */
  String readText(KustomizationFile k, String ref) {
    return new String(readBytes(k, ref), StandardCharsets.UTF_8);
  }

  byte[] readBytes(KustomizationFile k, String ref) {
    Path real = loader.resolveFile(k.dir(), ref, k.file());
    return loader.read(real, k.file());
  }

  /** The kustomization in a (real) directory, parsed once per build. */
  public KustomizationFile kustomization(Path dir) {
    KustomizationFile cached = kustomizations.get(dir);
    if (cached != null) {
      return cached;
    }
    Path found = null;
    int count = 0;
    for (String name : KustomizationFile.FILE_NAMES) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        found = p;
        count++;
      }
    }
    String displayDir = loader.display(dir);
    if (count == 0) {
      throw new KustomizeException(
          displayDir,
          0,
          "unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in"
              + " directory");
    }
    if (count > 1) {
      throw new KustomizeException(displayDir, 0, "found multiple kustomization files");
    }
    String display = loader.display(found);
    Path real = loader.resolveFile(dir, found.getFileName().toString(), display);
    String text = new String(loader.read(real, display), StandardCharsets.UTF_8);
    var docs = Documents.readKustomization(display, text);
    // Like kustomize (which decodes one YAML document), later documents are ignored.
    KustomizationFile k =
        KustomizationFile.of(dir, display, docs.isEmpty() ? null : docs.get(0).content());
    kustomizations.put(dir, k);
    return k;
  }

  /**
   * The strategic-merge schema in force: kustomize's built-in one unless {@code openapi:} chose.
   */
  public PatchSchema patchSchema() {
    return patchSchema == null ? PatchSchema.get() : patchSchema;
  }

  /**
   * Applies a kustomization's {@code openapi:} field. Like kustomize, whose schema is set once per
   * build, the first kustomization loaded with the field (the root first, then bases and components
   * in the order they are read) decides for the rest of the build.
   */
  void chooseSchema(KustomizationFile k) {
    JsonNode openapi = k.get("openapi");
    if (schemaChosen || openapi == null || !openapi.isObject() || openapi.isEmpty()) {
      return;
    }
    JsonNode path = openapi.get("path");
    JsonNode version = openapi.get("version");
    if (path != null && version != null) {
      throw new KustomizeException(
          k.file(), 0, "builtin version and custom schema provided, cannot use both");
    }
    if (path != null) {
      String where = display(k, path.asText());
      var docs = Documents.read(where, readText(k, path.asText()));
      try {
        patchSchema = OpenApiSchema.read(docs.isEmpty() ? null : docs.get(0).content());
      } catch (IllegalArgumentException e) {
        throw new KustomizeException(where, 0, e.getMessage());
      }
    } else if (version != null && !BUILT_IN_OPENAPI.equals(version.asText())) {
      throw new KustomizeException(k.file(), 0, "the specified OpenAPI version is not built in");
    }
    schemaChosen = true;
  }

  /** Enters a directory, failing on cycles (a directory that contains one being built). */
  void enter(Path dir, String referrer) {
    for (Path visited : chain) {
      if (visited.startsWith(dir)) {
        throw new KustomizeException(
            referrer,
            0,
            "cycle detected: candidate root '"
                + loader.display(dir)
                + "' contains visited root '"
                + loader.display(visited)
                + "'");
      }
    }
    if (chain.size() >= options.maxDepth()) {
      throw new KustomizeException(referrer, 0, "bases nested deeper than " + options.maxDepth());
    }
    chain.push(dir);
  }

  void leave() {
    chain.pop();
  }

  ResourceSet cachedBase(Path dir) {
    ResourceSet s = bases.get(dir);
    return s == null ? null : s.deepCopy();
  }

  void cacheBase(Path dir, ResourceSet set) {
    bases.put(dir, set.deepCopy());
  }
}

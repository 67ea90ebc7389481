package dev.cairn.render;

import dev.cairn.api.CommonMetadata;
import dev.cairn.api.kustomize.KustomizationSpec;
import dev.cairn.api.kustomize.PostBuild;
import dev.cairn.api.kustomize.SubstituteStrategy;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.KustomizeOptions;
import dev.cairn.kustomize.Kustomizer;
import dev.cairn.kustomize.LoadRestriction;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ManifestException;
import dev.cairn.manifest.Origin;
import dev.cairn.render.RenderException.Reason;
import dev.cairn.render.cache.BuildCache;
import dev.cairn.render.cache.BuildKey;
import dev.cairn.render.decrypt.ManifestDecryption;
import dev.cairn.render.substitute.PostBuildSubstitution;
import dev.cairn.render.substitute.SubstitutionVariables;
import dev.cairn.render.substitute.TemplateException;
import dev.cairn.render.tree.ArtifactPath;
import dev.cairn.render.tree.FluxOverlay;
import dev.cairn.render.tree.KustomizationFiles;
import dev.cairn.render.tree.WorkingCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a Kustomization the way Flux's kustomize-controller does: resolve {@code spec.path} in
 * the artifact; generate a kustomization for a directory without one; set the Kustomization's
 * {@code targetNamespace}, {@code namePrefix}/{@code nameSuffix}, {@code patches}, {@code images},
 * {@code components} and {@code buildMetadata} on it; build it with the native Kustomize engine (no
 * load restriction inside the artifact, as Flux builds), decrypting SOPS files and Secrets when
 * {@code spec.decryption} is set (see {@code dev.cairn.render.decrypt}); substitute post-build
 * variables in each object; set {@code commonMetadata} on every object; translate Flux manifests
 * into Cairn kinds.
 *
 * <p>Values in, objects out: no cluster I/O. When the kustomization must be written, the artifact
 * is copied to a temporary directory first; the artifact is never changed. Renders that name the
 * artifact's digest share kustomize builds with equal inputs ({@link BuildCache}). Thread-safe.
 */
public final class KustomizationRenderer {
  private final RenderOptions options;
  private final BuildCache builds;

  /** A renderer with its own {@link BuildCache#defaults() build cache}. */
  public KustomizationRenderer(RenderOptions options) {
    this(options, BuildCache.defaults());
  }

  /**
   * A renderer sharing builds through {@code builds} (see {@link #render(Path, String,
   * KustomizationSpec, RenderInputs)}).
   */
  public KustomizationRenderer(RenderOptions options, BuildCache builds) {
    this.options = options;
    this.builds = builds;
  }

  public static KustomizationRenderer defaults() {
    return new KustomizationRenderer(RenderOptions.defaults());
  }

  public RenderOptions options() {
    return options;
  }

  /**
   * Renders {@code spec} over the artifact extracted at {@code artifactRoot}.
   *
   * @throws RenderException with a {@link Reason} and a message naming the path, file or object
   */
  public RenderedSet render(Path artifactRoot, KustomizationSpec spec, RenderInputs inputs) {
    return render(artifactRoot, null, spec, inputs);
  }

  /**
   * Renders {@code spec} over the artifact with digest {@code artifactDigest} extracted at {@code
   * artifactRoot}, which must not change while extracted there. The kustomize build is shared,
   * through this renderer's {@link BuildCache}, with every render of the same digest, directory,
   * path and build fields (see {@link BuildKey}); what follows the build runs on this render's own
   * copy of the objects. A null digest, or a spec with {@code decryption}, builds unshared.
   *
   * @throws RenderException with a {@link Reason} and a message naming the path, file or object
   */
  public RenderedSet render(
      Path artifactRoot, String artifactDigest, KustomizationSpec spec, RenderInputs inputs) {
    if (!Files.isDirectory(artifactRoot)) {
      throw new RenderException(Reason.PATH_NOT_FOUND, "the source artifact has no directory");
    }
    Path relative = ArtifactPath.resolve(artifactRoot, spec.path());
    ManifestDecryption decryption =
        ManifestDecryption.of(spec.decryption(), inputs.decryptionKeys());
    Path root = realPath(artifactRoot);
    List<KubeObject> built =
        BuildKey.of(artifactDigest, root, relative, spec, options.maxFileBytes())
            .map(key -> builds.get(key, () -> build(root, relative, spec, decryption)))
            .orElseGet(() -> build(root, relative, spec, decryption));
    List<KubeObject> objects = decryption.decryptSecrets(built);
    List<KubeObject> out = new ArrayList<>(objects.size());
    PostBuildSubstitution substitution = substitution(spec.postBuild(), inputs);
    for (KubeObject object : objects) {
      checkIdentity(object);
      KubeObject rendered = substitution == null ? object : substitute(substitution, object);
      setCommonMetadata(rendered, spec.commonMetadata());
      out.add(rendered);
    }
    return RenderedSet.of(options.dialects().translate(out));
  }

  private List<KubeObject> build(
      Path root, Path relative, KustomizationSpec spec, ManifestDecryption decryption) {
    Path dir = root.resolve(relative);
    boolean overlay = KustomizationFiles.find(dir).isEmpty() || FluxOverlay.needed(spec);
    if (!overlay && !decryption.decryptsFiles()) {
      return kustomize(root, dir, null);
    }
    try (WorkingCopy copy = WorkingCopy.of(root)) {
      Path copied = copy.root().resolve(relative.toString());
      decryption.decryptGeneratorFiles(copy.root());
      if (overlay) {
        FluxOverlay.write(copied, spec);
      }
      return kustomize(copy.root(), copied, copy.root());
    }
  }

  private List<KubeObject> kustomize(Path boundary, Path dir, Path hiddenPrefix) {
    KustomizeOptions kustomize =
        KustomizeOptions.defaults()
            .withLoadRestriction(LoadRestriction.NONE)
            .withBoundary(boundary)
            .withMaxFileBytes(options.maxFileBytes());
    try {
      List<KubeObject> built = Kustomizer.defaults().withOptions(kustomize).build(dir);
      List<KubeObject> out = new ArrayList<>(built.size());
      for (KubeObject object : built) {
        out.add(KubeObject.of(object.node(), artifactOrigin(boundary, dir, object.origin())));
      }
      return out;
    } catch (KustomizeException e) {
      String message = e.getMessage();
      if (e.file() != null && message.startsWith(e.file())) {
        Origin file = artifactOrigin(boundary, dir, new Origin(e.file(), 0));
        message = file.file() + message.substring(e.file().length());
      }
      if (hiddenPrefix != null) {
        message = message.replace(hiddenPrefix + "/", "").replace(hiddenPrefix.toString(), ".");
      }
      throw new RenderException(Reason.KUSTOMIZE_FAILED, "kustomize build failed: " + message, e);
    }
  }

  // Origins relative to the artifact root, so messages name repository files, not local paths.
  private static Origin artifactOrigin(Path root, Path dir, Origin origin) {
    if (origin == null || origin.file() == null) {
      return origin;
    }
    try {
      Path file = dir.resolve(origin.file()).normalize();
      if (file.startsWith(root)) {
        return new Origin(root.relativize(file).toString().replace('\\', '/'), origin.line());
      }
    } catch (RuntimeException e) {
      // Not a path (e.g. a generated object's description): keep it as the engine wrote it.
    }
    return origin;
  }

  private PostBuildSubstitution substitution(PostBuild postBuild, RenderInputs inputs) {
    if (postBuild == null) {
      return null; // Flux substitutes only when postBuild is set
    }
    Map<String, String> variables =
        SubstitutionVariables.merge(List.of(inputs.variables()), postBuild.substitute());
    boolean always = postBuild.substituteStrategy() == SubstituteStrategy.Always;
    try {
      return new PostBuildSubstitution(variables, options.strictSubstitution(), always);
    } catch (TemplateException e) {
      throw new RenderException(Reason.SUBSTITUTION_FAILED, "post build failed: " + e.getMessage());
    }
  }

  private static KubeObject substitute(PostBuildSubstitution substitution, KubeObject object) {
    String where = describe(object);
    try {
      return substitution.apply(object, where);
    } catch (TemplateException e) {
      throw new RenderException(
          Reason.SUBSTITUTION_FAILED,
          "post build failed for "
              + where
              + ": "
              + e.problem()
              + " (line "
              + e.line()
              + " of the object as YAML)");
    } catch (ManifestException e) {
      throw new RenderException(
          Reason.SUBSTITUTION_FAILED,
          "post build failed for "
              + where
              + ": substituted text is not valid YAML: "
              + e.getMessage());
    }
  }

  private static void checkIdentity(KubeObject object) {
    if (isBlank(object.apiVersion()) || isBlank(object.kind()) || isBlank(object.name())) {
      throw new RenderException(
          Reason.INVALID_OBJECT,
          "object from " + origin(object) + " has no apiVersion, kind or metadata.name");
    }
  }

  // Flux sets these after the build, on object metadata only (not on selectors or templates).
  private static void setCommonMetadata(KubeObject object, CommonMetadata metadata) {
    if (metadata == null) {
      return;
    }
    if (metadata.labels() != null) {
      metadata.labels().forEach(object::setLabel);
    }
    if (metadata.annotations() != null) {
      metadata.annotations().forEach(object::setAnnotation);
    }
  }

  /** {@code Kind/namespace/name (file:line)}, for messages. */
  static String describe(KubeObject object) {
    String ns = object.namespace();
    String id = object.kind() + "/" + (ns == null ? "" : ns + "/") + object.name();
    return object.origin() == null ? id : id + " (" + object.origin() + ")";
  }

  private static String origin(KubeObject object) {
    return object.origin() == null ? "an unknown file" : object.origin().toString();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new RenderException(Reason.IO, "cannot resolve the source artifact: " + e, e);
    }
  }
}

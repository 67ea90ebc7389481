package dev.cairn.render.cache;

import dev.cairn.api.Image;
import dev.cairn.api.Patch;
import dev.cairn.api.kustomize.BuildMetadataOption;
import dev.cairn.api.kustomize.KustomizationSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Everything a kustomize build of a Kustomization reads, so two equal keys build to equal objects:
 * the artifact's content (its digest) and the directory it is extracted to, the resolved path in
 * it, the spec fields Flux writes into the kustomization before the build, and the renderer's file
 * size limit. Post-build fields ({@code postBuild}, {@code commonMetadata}) are not part of it:
 * they are applied to each Kustomization's own copy.
 */
public record BuildKey(
    String artifactDigest,
    Path root,
    Path path,
    String targetNamespace,
    String namePrefix,
    String nameSuffix,
    List<Patch> patches,
    List<Image> images,
    List<String> components,
    Boolean ignoreMissingComponents,
    List<BuildMetadataOption> buildMetadata,
    long maxFileBytes) {

  public BuildKey {
    patches = copy(patches);
    images = copy(images);
    components = copy(components);
    buildMetadata = copy(buildMetadata);
  }

  /**
   * The key of building {@code spec} at {@code path} (resolved, relative to {@code root}) of the
   * artifact with {@code artifactDigest}; empty when the build must not be shared: no digest names
   * the content, or {@code spec.decryption} is set (the build then depends on keys read from a
   * Secret, which may change while the artifact does not, and decrypted files must not outlive the
   * run).
   */
  public static Optional<BuildKey> of(
      String artifactDigest, Path root, Path path, KustomizationSpec spec, long maxFileBytes) {
    if (artifactDigest == null || artifactDigest.isBlank() || spec.decryption() != null) {
      return Optional.empty();
    }
    return Optional.of(
        new BuildKey(
            artifactDigest,
            root,
            path,
            spec.targetNamespace(),
            spec.namePrefix(),
            spec.nameSuffix(),
            spec.patches(),
            spec.images(),
            spec.components(),
            spec.ignoreMissingComponents(),
            spec.buildMetadata(),
            maxFileBytes));
  }

  // Null stays null (conservative: unset and empty are not treated as one key); null elements
  // are kept, as List.copyOf would refuse them.
  private static <T> List<T> copy(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }
}

package dev.cairn.controller;

import dev.cairn.api.Artifact;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.SourceStatus;
import java.util.List;

/** The source → dependent edges Cairn's kinds have. */
final class SourceWatches {
  private SourceWatches() {}

  /**
   * A Kustomization runs when the GitRepository of its {@code spec.sourceRef} has a new revision.
   */
  static SourceWatch<Kustomization, GitRepository> kustomizationsOnGitRepositories() {
    return new SourceWatch<>(
        GitRepository.class,
        SourceWatches::revision,
        k ->
            k.getSpec() == null || k.getSpec().sourceRef() == null
                ? List.of()
                : List.of(k.getSpec().sourceRef().toObjectRef(k.getMetadata().getNamespace())));
  }

  static String revision(GitRepository source) {
    SourceStatus status = source.getStatus();
    Artifact artifact = status == null ? null : status.getArtifact();
    return artifact == null ? null : artifact.revision();
  }
}

package dev.cairn.engine.kustomize;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.kustomize.CrossNamespaceSourceReference;
import dev.cairn.api.kustomize.KustomizationSourceKind;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.OCIRepository;
import dev.cairn.api.source.SourceStatus;
import dev.cairn.engine.ObjectReader;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Step {@code resolveSource}: finds the Kustomization's source (a GitRepository or an
 * OCIRepository) and its artifact. A missing source, or one without an artifact yet, is not an
 * error: the run waits ({@code ArtifactFailed}) and looks again after the retry interval. A source
 * that is not Ready but has an artifact (its latest fetch failed) is used as it is, as Flux does.
 */
final class SourceStep {
  private final ObjectReader sources;

  SourceStep(ObjectReader sources) {
    this.sources = sources;
  }

  StepResult resolveSource(KustomizationRun run) {
    CrossNamespaceSourceReference ref = run.spec().sourceRef();
    String namespace = namespaceOf(run);
    String described = describe(run);
    Class<? extends CustomResource<?, ? extends SourceStatus>> type = sourceClass(ref.kind());
    if (type == null) {
      throw new ReconcileException.Stalled(
          ConditionReasons.ARTIFACT_FAILED,
          "Source '" + described + "': kind " + ref.kind() + " is not supported yet");
    }
    CustomResource<?, ? extends SourceStatus> source;
    try {
      source = sources.get(type, namespace, ref.name());
    } catch (KubernetesClientException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.ARTIFACT_FAILED,
          "cannot read Source '" + described + "': " + e.getMessage());
    }
    if (source == null) {
      throw waiting(run, "Source '" + described + "' not found");
    }
    // Flux's rule: the artifact is what counts, not Ready. A source whose latest fetch failed
    // keeps its last good artifact, and its dependents keep applying it (and correcting drift).
    Artifact artifact = source.getStatus() == null ? null : source.getStatus().getArtifact();
    if (artifact == null) {
      throw waiting(
          run,
          "Source artifact not found, retrying in " + FluxDuration.format(run.dependencyRequeue()));
    }
    run.artifact(artifact);
    run.status().setLastAttemptedRevision(artifact.revision());
    return StepResult.proceed();
  }

  /**
   * The revision the source offers now, read again from the cluster; null when it cannot be read.
   * Used to notice, during a health wait, that a newer revision arrived.
   */
  String currentRevision(KustomizationRun run) {
    CrossNamespaceSourceReference ref = run.spec().sourceRef();
    String namespace = namespaceOf(run);
    Class<? extends CustomResource<?, ? extends SourceStatus>> type = sourceClass(ref.kind());
    if (type == null) {
      return null;
    }
    try {
      CustomResource<?, ? extends SourceStatus> source = sources.get(type, namespace, ref.name());
      if (source == null || source.getStatus() == null) {
        return null;
      }
      Artifact artifact = source.getStatus().getArtifact();
      return artifact == null ? null : artifact.revision();
    } catch (KubernetesClientException e) {
      return null;
    }
  }

  /** The class of a source kind Cairn reconciles, or null for a kind it does not (yet). */
  private static Class<? extends CustomResource<?, ? extends SourceStatus>> sourceClass(
      KustomizationSourceKind kind) {
    return switch (kind) {
      case GitRepository -> GitRepository.class;
      case OCIRepository -> OCIRepository.class;
      default -> null;
    };
  }

  /** The source as messages name it: {@code GitRepository/<namespace>/<name>}. */
  static String describe(KustomizationRun run) {
    CrossNamespaceSourceReference ref = run.spec().sourceRef();
    return ref.kind() + "/" + namespaceOf(run) + "/" + ref.name();
  }

  private static String namespaceOf(KustomizationRun run) {
    CrossNamespaceSourceReference ref = run.spec().sourceRef();
    return ref.namespace() == null || ref.namespace().isEmpty()
        ? run.key().namespace()
        : ref.namespace();
  }

  private static ReconcileException.Waiting waiting(KustomizationRun run, String message) {
    return new ReconcileException.Waiting(
        ConditionReasons.ARTIFACT_FAILED, message, run.dependencyRequeue());
  }
}

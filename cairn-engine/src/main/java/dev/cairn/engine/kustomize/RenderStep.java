package dev.cairn.engine.kustomize;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.render.KustomizationRenderer;
import dev.cairn.render.RenderException;
import dev.cairn.render.RenderInputs;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.StoredArtifact;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Step {@code render}: takes the unpacked source artifact (shared between runs, see {@link
 * ExtractedArtifacts}), reads the substitution variables and the SOPS keys of {@code
 * spec.decryption} and renders the Kustomization with cairn-render, naming the artifact's digest so
 * that runs with the same build inputs share one kustomize build (the renderer's {@code
 * BuildCache}). A build or substitution error fails the run with {@code BuildFailed}; nothing is
 * applied then.
 */
final class RenderStep {
  private final ExtractedArtifacts artifacts;
  private final KustomizationRenderer renderer;
  private final SubstitutionSources variables;
  private final DecryptionKeys keys;

  RenderStep(
      ArtifactStore store,
      KustomizationRenderer renderer,
      SubstitutionSources variables,
      DecryptionKeys keys) {
    this.artifacts = new ExtractedArtifacts(store);
    this.renderer = renderer;
    this.variables = variables;
    this.keys = keys;
  }

  StepResult render(KustomizationRun run) {
    RenderInputs inputs =
        variables
            .read(run.key().namespace(), run.spec().postBuild())
            .withDecryptionKeys(keys.read(run.key().namespace(), run.spec().decryption()));
    try (ExtractedArtifacts.Lease unpacked = artifacts.acquire(toStoreArtifact(run.artifact()))) {
      run.rendered(renderer.render(unpacked.dir(), run.artifact().digest(), run.spec(), inputs));
      return StepResult.proceed();
    } catch (SourceException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.ARTIFACT_FAILED,
          "cannot unpack artifact of revision "
              + run.artifact().revision()
              + ": "
              + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.ARTIFACT_FAILED,
          "cannot unpack artifact of revision "
              + run.artifact().revision()
              + ": "
              + e.getCause().getMessage());
    } catch (RenderException e) {
      throw new ReconcileException.Failed(ConditionReasons.BUILD_FAILED, e.getMessage());
    }
  }

  void close() {
    artifacts.close();
  }

  static StoredArtifact toStoreArtifact(Artifact artifact) {
    return new StoredArtifact(
        artifact.revision(),
        artifact.digest(),
        artifact.path(),
        Instant.parse(artifact.lastUpdateTime()),
        artifact.size() == null ? 0L : artifact.size());
  }
}

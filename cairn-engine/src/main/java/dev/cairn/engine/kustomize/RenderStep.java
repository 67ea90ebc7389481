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
import dev.cairn.source.artifact.DirectoryTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step {@code render}: unpacks the source artifact into a temporary directory, reads the
 * substitution variables and renders the Kustomization with cairn-render. A build or substitution
 * error fails the run with {@code BuildFailed}; nothing is applied then.
 */
final class RenderStep {
  private static final Logger LOG = LoggerFactory.getLogger(RenderStep.class);

  private final ArtifactStore store;
  private final KustomizationRenderer renderer;
  private final SubstitutionSources variables;

  RenderStep(ArtifactStore store, KustomizationRenderer renderer, SubstitutionSources variables) {
    this.store = store;
    this.renderer = renderer;
    this.variables = variables;
  }

  StepResult render(KustomizationRun run) {
    RenderInputs inputs = variables.read(run.key().namespace(), run.spec().postBuild());
    Path dir = tempDir();
    try {
      store.extract(toStoreArtifact(run.artifact()), dir);
      run.rendered(renderer.render(dir, run.spec(), inputs));
      return StepResult.proceed();
    } catch (SourceException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.ARTIFACT_FAILED,
          "cannot unpack artifact of revision "
              + run.artifact().revision()
              + ": "
              + e.getMessage());
    } catch (RenderException e) {
      throw new ReconcileException.Failed(ConditionReasons.BUILD_FAILED, e.getMessage());
    } finally {
      deleteTree(dir);
    }
  }

  static dev.cairn.source.artifact.Artifact toStoreArtifact(Artifact artifact) {
    return new dev.cairn.source.artifact.Artifact(
        artifact.revision(),
        artifact.digest(),
        artifact.path(),
        Instant.parse(artifact.lastUpdateTime()),
        artifact.size() == null ? 0L : artifact.size());
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("cairn-render-");
    } catch (IOException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.ARTIFACT_FAILED, "cannot create a work directory: " + e.getMessage());
    }
  }

  private static void deleteTree(Path dir) {
    try {
      DirectoryTrees.delete(dir);
    } catch (IOException e) {
      // A leftover temp directory must not turn a good run into a failed one.
      LOG.warn("cannot delete work directory {}: {}", dir, e.toString());
    }
  }
}

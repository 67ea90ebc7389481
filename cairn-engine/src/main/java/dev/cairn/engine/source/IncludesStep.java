package dev.cairn.engine.source;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.GitRepositoryInclude;
import dev.cairn.engine.AwaitArtifactStep;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.source.artifact.ArtifactInclude;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Step {@code resolveIncludes}: the artifacts of the GitRepositories {@code spec.include} names
 * (same namespace), to be copied from {@code fromPath} (default: the root) to {@code toPath}
 * (default: the included repository's name). As in Flux a missing repository or one without an
 * artifact is a wait ({@code NotFound} / {@code NoArtifact}, {@code IncludeUnavailable=True}); a
 * path escaping the artifact stalls.
 */
final class IncludesStep {
  private final KubernetesClient client;
  private final AwaitArtifactStep arrival;

  IncludesStep(KubernetesClient client, AwaitArtifactStep arrival) {
    this.client = client;
    this.arrival = arrival;
  }

  StepResult resolveIncludes(GitRepositoryRun run, Duration interval) {
    List<GitRepositoryInclude> wanted = run.object().getSpec().include();
    if (wanted == null || wanted.isEmpty()) {
      run.own(OwnedCondition.removed(ConditionTypes.INCLUDE_UNAVAILABLE));
      return StepResult.proceed();
    }
    String namespace = run.key().namespace();
    List<ArtifactInclude> includes = new ArrayList<>();
    List<Artifact> artifacts = new ArrayList<>();
    for (GitRepositoryInclude include : wanted) {
      String name = include.repository().name();
      if (name.equals(run.key().name())) {
        throw new ReconcileException.Stalled(
            ConditionReasons.INVALID_SPEC, "include '" + name + "' is this GitRepository itself");
      }
      GitRepository source =
          client.resources(GitRepository.class).inNamespace(namespace).withName(name).get();
      if (source == null) {
        throw unavailable(
            run, "NotFound", "could not get resource for include '" + name + "'", interval);
      }
      Artifact artifact = source.getStatus() == null ? null : source.getStatus().getArtifact();
      if (artifact == null) {
        throw unavailable(
            run, "NoArtifact", "no artifact available for include '" + name + "'", interval);
      }
      StepResult arrived =
          arrival.awaitArtifact(run, artifact, "GitRepository/" + namespace + "/" + name);
      if (arrived.kind() != StepResult.Kind.PROCEED) {
        return arrived;
      }
      try {
        includes.add(
            new ArtifactInclude(
                SourceArtifacts.toStore(artifact),
                include.fromPath(),
                include.toPath() == null || include.toPath().isEmpty() ? name : include.toPath()));
      } catch (IllegalArgumentException e) {
        throw new ReconcileException.Stalled(
            ConditionReasons.INVALID_SPEC, "include '" + name + "': " + e.getMessage());
      }
      artifacts.add(artifact);
    }
    run.own(OwnedCondition.removed(ConditionTypes.INCLUDE_UNAVAILABLE));
    run.includes(includes, artifacts);
    return StepResult.proceed();
  }

  private static ReconcileException.Waiting unavailable(
      GitRepositoryRun run, String reason, String message, Duration interval) {
    run.own(OwnedCondition.isTrue(ConditionTypes.INCLUDE_UNAVAILABLE, reason, message));
    return new ReconcileException.Waiting(reason, message, interval);
  }
}

package dev.cairn.engine.source;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.Conditions;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.HelmChartSourceKind;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.LocalHelmChartSourceReference;
import dev.cairn.api.source.SourceStatus;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;

/**
 * Step {@code resolveSource}: finds the HelmChart's HelmRepository or GitRepository (same
 * namespace) and its artifact. A missing source, or one without an artifact yet, is not an error:
 * the run waits ({@code ArtifactFailed}) and looks again after the interval. As in Flux, a source
 * whose latest fetch failed (not Ready) is used with its last good artifact. An OCI HelmRepository
 * has no artifact; it has to be Ready.
 */
final class ChartSourceStep {
  private final KubernetesClient client;

  ChartSourceStep(KubernetesClient client) {
    this.client = client;
  }

  StepResult resolveSource(HelmChartRun run) {
    LocalHelmChartSourceReference ref = run.spec().sourceRef();
    String described = ref.kind() + "/" + run.key().namespace() + "/" + ref.name();
    HasMetadata source = read(ref, run.key().namespace(), described);
    if (source == null) {
      throw waiting(run, "Source '" + described + "' not found");
    }
    SourceStatus status =
        source instanceof HelmRepository repo
            ? repo.getStatus()
            : ((GitRepository) source).getStatus();
    boolean oci =
        source instanceof HelmRepository repo && HelmRepositoryAccess.isOci(repo.getSpec());
    Artifact artifact = status == null ? null : status.getArtifact();
    if (oci && !ready(status == null ? null : status.getConditions())) {
      throw waiting(run, "Source '" + described + "' is not ready");
    }
    if (!oci && artifact == null) {
      throw waiting(
          run, "no artifact available for " + ref.kind() + " source '" + ref.name() + "'");
    }
    if (source instanceof HelmRepository repo) {
      run.repository(repo);
    }
    if (!oci) {
      run.sourceArtifact(artifact);
      run.status().setObservedSourceArtifactRevision(artifact.revision());
    }
    return StepResult.proceed();
  }

  private HasMetadata read(LocalHelmChartSourceReference ref, String namespace, String described) {
    Class<? extends HasMetadata> type =
        ref.kind() == HelmChartSourceKind.HelmRepository
            ? HelmRepository.class
            : GitRepository.class;
    try {
      return client.resources(type).inNamespace(namespace).withName(ref.name()).get();
    } catch (KubernetesClientException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.ARTIFACT_FAILED,
          "cannot read Source '" + described + "': " + e.getMessage());
    }
  }

  private static boolean ready(List<Condition> conditions) {
    return Conditions.isTrue(Conditions.find(conditions, ConditionTypes.READY).orElse(null));
  }

  private static ReconcileException.Waiting waiting(HelmChartRun run, String message) {
    run.own(
        OwnedCondition.isTrue(
            ConditionTypes.FETCH_FAILED, ConditionReasons.ARTIFACT_FAILED, message));
    return new ReconcileException.Waiting(
        ConditionReasons.ARTIFACT_FAILED, message, run.interval());
  }
}

package dev.cairn.engine.helm;

import dev.cairn.api.source.HelmChart;
import dev.cairn.engine.StepResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Step {@code uninstall} of a deleted HelmRelease: deletes its objects in reverse kind order, its
 * release Secrets (unless {@code uninstall.keepHistory}) and the HelmChart made from {@code
 * spec.chart}; then the skeleton removes the finalizer.
 */
final class UninstallStep {
  private final KubernetesClient client;
  private final Remediator remediator;

  UninstallStep(KubernetesClient client, Remediator remediator) {
    this.client = client;
    this.remediator = remediator;
  }

  StepResult uninstall(HelmReleaseRun run) {
    List<ReleaseRecord> history = run.storage().history(run.storageNamespace(), run.releaseName());
    ReleaseRecord latest =
        history.isEmpty()
            ? new ReleaseRecord(
                run.releaseName(),
                run.targetNamespace(),
                0,
                ReleaseRecord.UNINSTALLED,
                "",
                "",
                "",
                null,
                null,
                null,
                null)
            : history.get(history.size() - 1);
    remediator.uninstall(run, latest);
    if (run.spec().chart() != null) {
      String namespace =
          run.spec().chart().spec().sourceRef().namespace() == null
              ? run.key().namespace()
              : run.spec().chart().spec().sourceRef().namespace();
      client
          .resources(HelmChart.class)
          .inNamespace(namespace)
          .withName(ReleaseNames.helmChartName(run.key().namespace(), run.key().name()))
          .delete();
    }
    return StepResult.proceed();
  }
}

package dev.cairn.engine.helm;

import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.source.HelmChart;
import dev.cairn.engine.KindReconciler;
import dev.cairn.engine.StepResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Step {@code handleDeletion}. On the first run it adds the finalizer {@value #FINALIZER}. When the
 * HelmRelease is being deleted it uninstalls the release — deletes its objects in reverse kind
 * order, its release Secrets (unless {@code uninstall.keepHistory}) and the HelmChart made from
 * {@code spec.chart} — then removes the finalizer, and the run ends without a status patch.
 */
final class Uninstaller {
  static final String FINALIZER = KindReconciler.FINALIZER;

  private final KubernetesClient client;
  private final ReleaseStorage storage;
  private final Remediator remediator;

  Uninstaller(KubernetesClient client, ReleaseStorage storage, Remediator remediator) {
    this.client = client;
    this.storage = storage;
    this.remediator = remediator;
  }

  StepResult handle(HelmReleaseRun run) {
    HelmRelease object = run.object();
    List<String> finalizers = object.getMetadata().getFinalizers();
    boolean has = finalizers != null && finalizers.contains(FINALIZER);
    if (object.getMetadata().getDeletionTimestamp() == null) {
      if (!has) {
        edit(run, true);
      }
      return StepResult.proceed();
    }
    if (!has) {
      return StepResult.skip("deleted");
    }
    if (!run.spec().suspended()) {
      SpecStep.checkSpec(run);
      uninstall(run);
    }
    edit(run, false);
    return StepResult.skip("deleted");
  }

  private void uninstall(HelmReleaseRun run) {
    List<ReleaseRecord> history = storage.history(run.storageNamespace(), run.releaseName());
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
  }

  private void edit(HelmReleaseRun run, boolean add) {
    client
        .resources(HelmRelease.class)
        .inNamespace(run.key().namespace())
        .withName(run.key().name())
        .edit(
            live -> {
              List<String> list =
                  live.getMetadata().getFinalizers() == null
                      ? new ArrayList<>()
                      : new ArrayList<>(live.getMetadata().getFinalizers());
              list.remove(FINALIZER);
              if (add) {
                list.add(FINALIZER);
              }
              live.getMetadata().setFinalizers(list);
              return live;
            });
  }
}

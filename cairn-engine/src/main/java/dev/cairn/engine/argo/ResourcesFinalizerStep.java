package dev.cairn.engine.argo;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.argo.Application;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ChangeSet;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.Inventories;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Step {@code deleteResources} of a deleted Application: with Argo CD's {@code
 * resources-finalizer.argocd.argoproj.io} (any suffix) the objects the Application tracks are
 * deleted (those still carrying its tracking label) and the finalizer is removed; without it they
 * stay, as in Argo CD.
 */
final class ResourcesFinalizerStep {
  private final KubernetesClient client;
  private final ResourceManager manager;
  private final ApplyOptions base;

  ResourcesFinalizerStep(KubernetesClient client, ResourceManager manager, ApplyOptions base) {
    this.client = client;
    this.manager = manager;
    this.base = base;
  }

  StepResult delete(ApplicationRun run) {
    List<String> finalizers = run.object().getMetadata().getFinalizers();
    boolean cascade =
        finalizers != null
            && finalizers.stream().anyMatch(f -> f.startsWith(Application.RESOURCES_FINALIZER));
    if (!cascade) {
      return StepResult.proceed();
    }
    ChangeSet deleted =
        manager.prune(
            Inventories.ids(run.previousInventory()), List.of(), SyncStep.options(base, run));
    if (deleted.hasFailures()) {
      throw new ReconcileException.Failed(
          ConditionReasons.PRUNE_FAILED, "cannot delete the resources: " + deleted.failures());
    }
    client
        .resources(Application.class)
        .inNamespace(run.key().namespace())
        .withName(run.key().name())
        .edit(
            app -> {
              List<String> kept = new ArrayList<>(app.getMetadata().getFinalizers());
              kept.removeIf(f -> f.startsWith(Application.RESOURCES_FINALIZER));
              app.getMetadata().setFinalizers(kept);
              return app;
            });
    return StepResult.proceed();
  }
}

package dev.cairn.engine.argo;

import dev.cairn.api.argo.Application;
import dev.cairn.engine.StepResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Step {@code clearOperation}: once a requested sync ({@code operation}, what {@code cairn app
 * sync} writes) has run, removes it from the Application, as Argo CD does; the outcome is in {@code
 * status.operationState}.
 */
final class OperationStep {
  private final KubernetesClient client;

  OperationStep(KubernetesClient client) {
    this.client = client;
  }

  StepResult clear(ApplicationRun run) {
    if (run.object().getOperation() == null) {
      return StepResult.proceed();
    }
    try {
      client
          .resources(Application.class)
          .inNamespace(run.key().namespace())
          .withName(run.key().name())
          .edit(
              app -> {
                app.setOperation(null);
                return app;
              });
    } catch (KubernetesClientException e) {
      // The next run clears it; the sync it asked for already ran.
    }
    return StepResult.proceed();
  }
}

package dev.cairn.engine.argo;

import dev.cairn.api.argo.Application;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Once a requested sync ({@code operation}, what {@code cairn app sync} writes) has run and its
 * outcome is stored in {@code status.operationState}, removes it from the Application, as Argo CD
 * does.
 */
final class OperationStep {
  private final KubernetesClient client;

  OperationStep(KubernetesClient client) {
    this.client = client;
  }

  void clear(ApplicationRun run) {
    if (run.object().getOperation() == null) {
      return;
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
  }
}

package dev.cairn.cli;

import dev.cairn.api.argo.AppOperation;
import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.OperationInitiator;
import dev.cairn.api.argo.OperationState;
import dev.cairn.api.argo.SyncOperation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A sync requested the way {@code argocd app sync} requests one: {@code operation} written on the
 * Application (refused while another one is pending), then the controller's {@code
 * status.operationState} awaited.
 */
final class ApplicationOperation {
  static final String IN_PROGRESS = "another operation is already in progress";
  private static final Duration POLL = Duration.ofMillis(500);

  private final KubernetesClient client;
  private final String namespace;
  private final String name;

  ApplicationOperation(KubernetesClient client, String namespace, String name) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
  }

  /** The Application, or a failure naming it. */
  Application get() {
    Application app =
        client.resources(Application.class).inNamespace(namespace).withName(name).get();
    if (app == null) {
      throw new CliException(
          ExitCode.FAILED, "application " + namespace + "/" + name + " not found");
    }
    return app;
  }

  /**
   * Writes {@code sync} as the Application's operation, conditional on the version read (so two
   * requests cannot both win); returns the operation state it replaces, to tell the new one apart.
   */
  OperationState request(SyncOperation sync) {
    for (int attempt = 0; ; attempt++) {
      Application app = get();
      if (app.getOperation() != null) {
        throw new CliException(ExitCode.FAILED, IN_PROGRESS);
      }
      OperationState before = app.getStatus() == null ? null : app.getStatus().getOperationState();
      app.setOperation(new AppOperation(sync, new OperationInitiator(initiator(), null), null));
      try {
        client.resources(Application.class).inNamespace(namespace).resource(app).update();
        return before;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 2) {
          throw new CliException(
              ExitCode.FAILED, "cannot request the sync: " + ErrorHandler.oneLine(e));
        }
      }
    }
  }

  /**
   * Waits until the controller has run the requested operation: it is gone from the object and a
   * new {@code operationState} is written.
   */
  OperationState await(OperationState before, Duration timeout, Consumer<String> progress)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    String last = null;
    while (true) {
      Application app = get();
      OperationState state = app.getStatus() == null ? null : app.getStatus().getOperationState();
      if (app.getOperation() == null && state != null && !sameRun(state, before)) {
        return state;
      }
      String now =
          app.getOperation() == null ? "operation finished, waiting for its result" : "syncing";
      if (!now.equals(last)) {
        progress.accept(now);
        last = now;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new CliException(
            ExitCode.FAILED,
            "timed out after "
                + timeout.toSeconds()
                + "s waiting for the sync of "
                + namespace
                + "/"
                + name
                + readyMessage(app));
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private static boolean sameRun(OperationState state, OperationState before) {
    return before != null
        && Objects.equals(state.startedAt(), before.startedAt())
        && Objects.equals(state.finishedAt(), before.finishedAt());
  }

  /** The Ready condition's message, which says why a sync has not started (a fetch error, ...). */
  static String readyMessage(Application app) {
    if (app.getStatus() == null || app.getStatus().getConditions() == null) {
      return "";
    }
    return app.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()) && c.getMessage() != null)
        .map(c -> ": " + c.getMessage())
        .findFirst()
        .orElse("");
  }

  private static String initiator() {
    String user = System.getProperty("user.name");
    return user == null || user.isBlank() ? "cairn" : user;
  }
}

package dev.cairn.engine.notification;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.notification.Alert;
import dev.cairn.api.notification.NotificationStatus;
import dev.cairn.api.notification.Provider;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.StepResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;

/**
 * The Alert kind: {@code checkSpec → checkProvider}. Its expressions must compile and its Provider
 * exist; the pipeline reads Alerts as they are when an event comes.
 */
public final class AlertKind extends NotificationKind<Alert, NotificationStatus> {
  private final KubernetesClient client;

  public AlertKind(KubernetesClient client, EventRecorder events) {
    super(Alert.class, NotificationStatus::new, NotificationRefusals.ALERT, events);
    this.client = client;
  }

  public static StepReconciler<
          Alert, NotificationStatus, NotificationRun<Alert, NotificationStatus>>
      reconciler(KubernetesClient client, EventRecorder events, Clock clock) {
    return new StepReconciler<>(client, new AlertKind(client, events), clock);
  }

  @Override
  public boolean suspended(Alert object) {
    return Boolean.TRUE.equals(object.getSpec().suspend());
  }

  @Override
  public List<Step<NotificationRun<Alert, NotificationStatus>>> steps() {
    return List.of(
        Step.of("checkSpec", AlertKind::checkSpec), Step.of("checkProvider", this::checkProvider));
  }

  static StepResult checkSpec(NotificationRun<Alert, NotificationStatus> run) {
    try {
      AlertRules.of(run.object());
    } catch (IllegalArgumentException e) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC, run.id() + ": " + e.getMessage());
    }
    run.intervals(ProviderKind.DEFAULT_INTERVAL, ProviderKind.RETRY_INTERVAL);
    return StepResult.proceed();
  }

  private StepResult checkProvider(NotificationRun<Alert, NotificationStatus> run) {
    String provider = run.object().getSpec().providerRef().name();
    if (client.resources(Provider.class).inNamespace(run.key().namespace()).withName(provider).get()
        == null) {
      throw new ReconcileException.Failed(
          ConditionReasons.FAILED,
          run.id() + ": Provider " + run.key().namespace() + "/" + provider + " not found");
    }
    run.succeedWith("Alert sends to Provider " + provider);
    return StepResult.proceed();
  }
}

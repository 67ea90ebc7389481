package dev.cairn.engine.notification;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.notification.Alert;
import dev.cairn.api.notification.EventSourceReference;
import dev.cairn.api.notification.NotificationStatus;
import dev.cairn.api.notification.Provider;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.Tenancy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;

/**
 * The Alert kind: {@code checkSpec → checkEventSources → checkProvider}. Its expressions must
 * compile and its Provider exist; the pipeline reads Alerts as they are when an event comes.
 */
public final class AlertKind extends NotificationKind<Alert, NotificationStatus> {
  private final KubernetesClient client;
  private final Tenancy tenancy;

  public AlertKind(KubernetesClient client, EventRecorder events) {
    this(client, events, Tenancy.open());
  }

  /**
   * With {@code tenancy}'s lockdown: an event source in another namespace is refused (and {@link
   * TenantRoutes} sends nothing for the Alert).
   */
  public AlertKind(KubernetesClient client, EventRecorder events, Tenancy tenancy) {
    super(Alert.class, NotificationStatus::new, NotificationRefusals.ALERT, events);
    this.client = client;
    this.tenancy = tenancy;
  }

  public static StepReconciler<
          Alert, NotificationStatus, NotificationRun<Alert, NotificationStatus>>
      reconciler(KubernetesClient client, EventRecorder events, Clock clock) {
    return reconciler(client, events, clock, Tenancy.open());
  }

  public static StepReconciler<
          Alert, NotificationStatus, NotificationRun<Alert, NotificationStatus>>
      reconciler(KubernetesClient client, EventRecorder events, Clock clock, Tenancy tenancy) {
    return new StepReconciler<>(client, new AlertKind(client, events, tenancy), clock);
  }

  @Override
  public boolean suspended(Alert object) {
    return Boolean.TRUE.equals(object.getSpec().suspend());
  }

  @Override
  public List<Step<NotificationRun<Alert, NotificationStatus>>> steps() {
    return List.of(
        Step.of("checkSpec", AlertKind::checkSpec),
        Step.of("checkEventSources", this::checkEventSources),
        Step.of("checkProvider", this::checkProvider));
  }

  private StepResult checkEventSources(NotificationRun<Alert, NotificationStatus> run) {
    List<EventSourceReference> sources = run.object().getSpec().eventSources();
    if (sources != null) {
      for (EventSourceReference source : sources) {
        tenancy.stallOnReference(
            run.key().namespace(), source.kind(), source.namespace(), source.name());
      }
    }
    return StepResult.proceed();
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

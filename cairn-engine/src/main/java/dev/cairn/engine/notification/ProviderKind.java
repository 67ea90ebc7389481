package dev.cairn.engine.notification;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.notification.NotificationStatus;
import dev.cairn.api.notification.Provider;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.StepResult;
import dev.cairn.notify.provider.NotifierFactory;
import dev.cairn.notify.provider.NotifyException;
import dev.cairn.notify.provider.ProviderSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Provider kind: {@code checkSpec → checkCredentials}. {@code Ready} says whether events can go
 * through it: a supported type, an address, the Secret's keys the type needs, a valid CA. The
 * pipeline reads the Provider again when it sends, so this run only reports.
 */
public final class ProviderKind extends NotificationKind<Provider, NotificationStatus> {
  static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);

  /** How soon a Provider (Alert) whose Secret (Provider) is missing looks again, doubling. */
  static final Duration RETRY_INTERVAL = Duration.ofSeconds(10);

  private final ClusterRoutes routes;

  public ProviderKind(KubernetesClient client, EventRecorder events) {
    super(Provider.class, NotificationStatus::new, NotificationRefusals.PROVIDER, events);
    this.routes = new ClusterRoutes(client);
  }

  public static StepReconciler<
          Provider, NotificationStatus, NotificationRun<Provider, NotificationStatus>>
      reconciler(KubernetesClient client, EventRecorder events, Clock clock) {
    return new StepReconciler<>(client, new ProviderKind(client, events), clock);
  }

  @Override
  public boolean suspended(Provider object) {
    return Boolean.TRUE.equals(object.getSpec().suspend());
  }

  @Override
  public List<Step<NotificationRun<Provider, NotificationStatus>>> steps() {
    return List.of(
        Step.of("checkSpec", ProviderKind::checkSpec),
        Step.of("checkCredentials", this::checkCredentials));
  }

  static StepResult checkSpec(NotificationRun<Provider, NotificationStatus> run) {
    Optional<String> refused = NotifierFactory.refusal(run.object().getSpec().type());
    if (refused.isPresent()) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC, run.id() + ": spec.type: " + refused.get());
    }
    Duration interval = FluxDuration.parseOrNull(run.object().getSpec().interval());
    run.intervals(interval == null ? DEFAULT_INTERVAL : interval, RETRY_INTERVAL);
    return StepResult.proceed();
  }

  private StepResult checkCredentials(NotificationRun<Provider, NotificationStatus> run) {
    ProviderSettings settings = null;
    try {
      settings = routes.settings(run.object());
      NotifierFactory.create(settings);
    } catch (NotifyException e) {
      String message = settings == null ? e.getMessage() : settings.redact(e.getMessage());
      if (e.retryable()) {
        throw new ReconcileException.Failed(ConditionReasons.FAILED, message);
      }
      throw new ReconcileException.Stalled(ConditionReasons.INVALID_SPEC, message);
    }
    run.succeedWith("Provider of type " + settings.type() + " is ready");
    return StepResult.proceed();
  }
}

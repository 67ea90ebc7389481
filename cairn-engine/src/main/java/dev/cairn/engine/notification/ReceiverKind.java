package dev.cairn.engine.notification;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.notification.EventSourceReference;
import dev.cairn.api.notification.Receiver;
import dev.cairn.api.notification.ReceiverStatus;
import dev.cairn.api.schema.CairnCrds;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.Tenancy;
import dev.cairn.notify.receiver.WebhookPath;
import dev.cairn.notify.receiver.WebhookVerifier;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Receiver kind: {@code checkSpec → checkResources → readToken}. A supported type, resources of
 * kinds Cairn has, and the Secret's {@code token}, from which {@code status.webhookPath} is formed
 * as Flux forms it; {@link ReceiverGate} serves calls to that path.
 */
public final class ReceiverKind extends NotificationKind<Receiver, ReceiverStatus> {
  private final ReceiverTokens tokens;
  private final Tenancy tenancy;

  public ReceiverKind(KubernetesClient client, EventRecorder events) {
    this(client, events, Tenancy.open());
  }

  /**
   * With {@code tenancy}'s lockdown: a resource in another namespace is refused, so the Receiver is
   * not Ready and {@link ReceiverGate} answers its calls with 503.
   */
  public ReceiverKind(KubernetesClient client, EventRecorder events, Tenancy tenancy) {
    super(Receiver.class, ReceiverStatus::new, NotificationRefusals.RECEIVER, events);
    this.tokens = new ReceiverTokens(client);
    this.tenancy = tenancy;
  }

  public static StepReconciler<Receiver, ReceiverStatus, NotificationRun<Receiver, ReceiverStatus>>
      reconciler(KubernetesClient client, EventRecorder events, Clock clock) {
    return reconciler(client, events, clock, Tenancy.open());
  }

  public static StepReconciler<Receiver, ReceiverStatus, NotificationRun<Receiver, ReceiverStatus>>
      reconciler(KubernetesClient client, EventRecorder events, Clock clock, Tenancy tenancy) {
    return new StepReconciler<>(client, new ReceiverKind(client, events, tenancy), clock);
  }

  @Override
  public boolean suspended(Receiver object) {
    return Boolean.TRUE.equals(object.getSpec().suspend());
  }

  @Override
  public List<Step<NotificationRun<Receiver, ReceiverStatus>>> steps() {
    return List.of(
        Step.of("checkSpec", ReceiverKind::checkSpec),
        Step.of("checkResources", this::checkResources),
        Step.of("readToken", this::readToken));
  }

  private StepResult checkResources(NotificationRun<Receiver, ReceiverStatus> run) {
    for (EventSourceReference resource : run.object().getSpec().resources()) {
      tenancy.stallOnReference(
          run.key().namespace(), resource.kind(), resource.namespace(), resource.name());
    }
    return StepResult.proceed();
  }

  static StepResult checkSpec(NotificationRun<Receiver, ReceiverStatus> run) {
    Optional<String> refused = WebhookVerifier.refusal(run.object().getSpec().type());
    if (refused.isPresent()) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC, run.id() + ": spec.type: " + refused.get());
    }
    for (EventSourceReference resource : run.object().getSpec().resources()) {
      if (CairnCrds.kind(resource.kind()).isEmpty()) {
        throw new ReconcileException.Stalled(
            ConditionReasons.INVALID_SPEC,
            run.id() + ": spec.resources: kind " + resource.kind() + " is not a kind Cairn has");
      }
    }
    Duration interval = FluxDuration.parseOrNull(run.object().getSpec().interval());
    run.intervals(
        interval == null ? ProviderKind.DEFAULT_INTERVAL : interval, ProviderKind.RETRY_INTERVAL);
    return StepResult.proceed();
  }

  private StepResult readToken(NotificationRun<Receiver, ReceiverStatus> run) {
    String token = tokens.token(run.object());
    String path =
        WebhookPath.of(token, run.object().getMetadata().getName(), run.key().namespace());
    run.status().setWebhookPath(path);
    run.succeedWith("Receiver initialized for path: " + path);
    return StepResult.proceed();
  }
}

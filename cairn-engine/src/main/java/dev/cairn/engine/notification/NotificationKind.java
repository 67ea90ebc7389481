package dev.cairn.engine.notification;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ReconcileStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.FieldRefusal;
import dev.cairn.engine.KindDefinition;
import dev.cairn.engine.RunOutcome;
import dev.cairn.engine.Trigger;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the notification kinds (Provider, Alert, Receiver) share: a {@link NotificationRun}, their
 * refused fields, no conditions of their own besides Ready, and a Warning event for a new failure.
 * Each kind adds its steps and reads its own {@code spec.suspend}.
 */
abstract class NotificationKind<T extends CustomResource<?, S>, S extends ReconcileStatus>
    implements KindDefinition<T, S, NotificationRun<T, S>> {
  private final Class<T> type;
  private final Supplier<S> emptyStatus;
  private final List<FieldRefusal> refused;
  private final EventRecorder events;

  NotificationKind(
      Class<T> type, Supplier<S> emptyStatus, List<FieldRefusal> refused, EventRecorder events) {
    this.type = type;
    this.emptyStatus = emptyStatus;
    this.refused = refused;
    this.events = events;
  }

  @Override
  public final Class<T> resourceClass() {
    return type;
  }

  @Override
  public final S emptyStatus() {
    return emptyStatus.get();
  }

  @Override
  public final NotificationRun<T, S> newRun(T object, Trigger trigger, S draft, Clock clock) {
    return new NotificationRun<>(object, trigger, draft, clock);
  }

  @Override
  public final List<FieldRefusal> refusedFields() {
    return refused;
  }

  @Override
  public final String successReason() {
    return ConditionReasons.SUCCEEDED;
  }

  @Override
  public final Set<String> ownedConditions() {
    return Set.of();
  }

  @Override
  public final void announce(NotificationRun<T, S> run, RunOutcome outcome, S before) {
    events.recordNewFailure(run.object(), outcome.error(), before);
  }
}

package dev.cairn.controller;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.ReconcileStatus;
import dev.cairn.engine.KindReconciler;
import dev.cairn.engine.ReconcileRequest;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.Trigger;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one Java Operator SDK reconciler, for any kind: it calls {@link KindReconciler#reconcile}
 * (which reads the object, runs the steps and patches the status itself, so the SDK patches
 * nothing) and reschedules at the engine's {@code requeueAfter}, with {@link FailureBackoff} after
 * consecutive failures.
 */
final class KindController<T extends HasMetadata, S> implements Reconciler<T> {
  private final KindReconciler<T, S> kind;
  private final List<SourceWatch<T, ?>> sources;
  private final ObjectFields fields;
  private final FailureBackoff backoff;
  private final ReconcileMetrics metrics;
  private final Set<String> sourceChanged = ConcurrentHashMap.newKeySet();

  KindController(
      KindReconciler<T, S> kind,
      List<SourceWatch<T, ?>> sources,
      ObjectFields fields,
      FailureBackoff backoff,
      ReconcileMetrics metrics) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.sources = List.copyOf(sources);
    this.fields = fields;
    this.backoff = backoff;
    this.metrics = metrics;
  }

  Class<T> resourceClass() {
    return kind.resourceClass();
  }

  String kindName() {
    return HasMetadata.getKind(kind.resourceClass());
  }

  @Override
  public List<EventSource<?, T>> prepareEventSources(EventSourceContext<T> context) {
    return sources.stream()
        .<EventSource<?, T>>map(
            watch ->
                SourceEventSources.create(
                    watch,
                    context,
                    id -> sourceChanged.add(key(id.getNamespace().orElse(""), id.getName()))))
        .toList();
  }

  @Override
  public UpdateControl<T> reconcile(T object, Context<T> context) {
    String namespace = object.getMetadata().getNamespace();
    String name = object.getMetadata().getName();
    String key = key(namespace, name);
    long started = System.nanoTime();
    Optional<ReconcileResult<S>> outcome = kind.reconcile(namespace, name, triggerOf(object, key));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    if (outcome.isEmpty()) {
      backoff.reset(key);
      metrics.forget(kindName(), namespace, name);
      return UpdateControl.noUpdate();
    }
    ReconcileResult<S> result = outcome.get();
    ReconcileStatus status =
        result.status() instanceof ReconcileStatus s ? s : ObjectFields.status(object).orElse(null);
    metrics.recordRun(kindName(), namespace, name, took, status, fields.suspended(object));
    Duration next = nextRun(key, object, result, status);
    UpdateControl<T> control = UpdateControl.noUpdate();
    return next == null ? control : control.rescheduleAfter(next);
  }

  private Duration nextRun(
      String key, T object, ReconcileResult<S> result, ReconcileStatus status) {
    if (!result.requeue()) {
      backoff.reset(key);
      return null;
    }
    if (!result.patchStatus() || !isFailure(status)) {
      backoff.reset(key);
      return result.requeueAfter();
    }
    Duration interval = fields.interval(object).orElse(result.requeueAfter());
    return backoff.failed(key, result.requeueAfter(), interval);
  }

  /** Ready=False for a failure: not stalled and not waiting for a dependency. */
  private static boolean isFailure(ReconcileStatus status) {
    if (status == null || status.getConditions() == null) {
      return false;
    }
    Condition ready = find(status, ConditionTypes.READY);
    Condition stalled = find(status, ConditionTypes.STALLED);
    return ready != null
        && "False".equals(ready.getStatus())
        && !ConditionReasons.DEPENDENCY_NOT_READY.equals(ready.getReason())
        && (stalled == null || !"True".equals(stalled.getStatus()));
  }

  private static Condition find(ReconcileStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }

  private Trigger triggerOf(T object, String key) {
    boolean fromSource = sourceChanged.remove(key);
    Optional<ReconcileStatus> status = ObjectFields.status(object);
    Optional<String> requested = ReconcileRequest.requestedAt(object);
    if (requested.isPresent()
        && !requested
            .get()
            .equals(status.map(ReconcileStatus::getLastHandledReconcileAt).orElse(null))) {
      return Trigger.REQUEST;
    }
    Long observed = status.map(ReconcileStatus::getObservedGeneration).orElse(null);
    if (!Objects.equals(observed, object.getMetadata().getGeneration())) {
      return Trigger.WATCH;
    }
    return fromSource ? Trigger.SOURCE_CHANGED : Trigger.INTERVAL;
  }

  private static String key(String namespace, String name) {
    return SourceWatch.key(namespace, name);
  }
}

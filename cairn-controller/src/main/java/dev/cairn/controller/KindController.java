package dev.cairn.controller;

import dev.cairn.api.ReconcileStatus;
import dev.cairn.engine.KindReconciler;
import dev.cairn.engine.Outcome;
import dev.cairn.engine.ReconcileRequest;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.Trigger;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The one Java Operator SDK reconciler, for any kind: it hands the object the SDK has to {@link
 * KindReconciler#reconcile} (which runs the steps and patches the status itself, so the SDK patches
 * nothing) and reschedules at the engine's {@code requeueAfter}, with {@link FailureBackoff} after
 * consecutive {@link Outcome#FAILED failures}. The SDK hands it every event, deletions included,
 * and never touches the finalizer: the engine owns it.
 */
final class KindController<T extends HasMetadata, S> implements Reconciler<T> {
  /** A run this close to its due time is the timer's own, never an early repeat. */
  private static final Duration QUIET_MARGIN = Duration.ofSeconds(1);

  private final KindReconciler<T, S> kind;
  private final List<SourceWatch<T, ?>> sources;
  private final ObjectFields fields;
  private final FailureBackoff backoff;
  private final ReconcileMetrics metrics;
  private final WatchedSources watched;
  private final LongSupplier nanoTime;
  private final Set<String> sourceChanged = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> quietUntil = new ConcurrentHashMap<>();

  KindController(
      KindReconciler<T, S> kind,
      List<SourceWatch<T, ?>> sources,
      ObjectFields fields,
      FailureBackoff backoff,
      ReconcileMetrics metrics,
      WatchedSources watched,
      LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.sources = List.copyOf(sources);
    this.fields = fields;
    this.backoff = backoff;
    this.metrics = metrics;
    this.watched = watched;
  }

  Class<T> resourceClass() {
    return kind.resourceClass();
  }

  String kindName() {
    return HasMetadata.getKind(kind.resourceClass());
  }

  @Override
  public List<EventSource<?, T>> prepareEventSources(EventSourceContext<T> context) {
    Consumer<ResourceID> triggered =
        id -> sourceChanged.add(key(id.getNamespace().orElse(""), id.getName()));
    return sources.stream()
        .<EventSource<?, T>>map(watch -> eventSource(watch, context, triggered))
        .toList();
  }

  /** The sources of the kind itself are served by the controller's own informer. */
  @SuppressWarnings("unchecked")
  private EventSource<?, T> eventSource(
      SourceWatch<T, ?> watch, EventSourceContext<T> context, Consumer<ResourceID> triggered) {
    if (watch.sourceClass().equals(context.getPrimaryResourceClass())) {
      return PrimarySourceEvents.create((SourceWatch<T, T>) watch, context, triggered, watched);
    }
    return SourceEventSources.create(watch, context, triggered, watched);
  }

  @Override
  public UpdateControl<T> reconcile(T object, Context<T> context) {
    String namespace = object.getMetadata().getNamespace();
    String name = object.getMetadata().getName();
    String key = key(namespace, name);
    if (context != null && context.isPrimaryResourceDeleted()) {
      gone(key, namespace, name);
      return UpdateControl.noUpdate();
    }
    Trigger trigger = triggerOf(object, key);
    Optional<Duration> quiet = quietFor(key, object, trigger, context);
    if (quiet.isPresent()) {
      return UpdateControl.<T>noUpdate().rescheduleAfter(quiet.get());
    }
    long started = System.nanoTime();
    ReconcileResult<S> result = kind.reconcile(object, trigger);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    ReconcileStatus status =
        result.status() instanceof ReconcileStatus s ? s : ObjectFields.status(object).orElse(null);
    metrics.recordRun(kindName(), namespace, name, took, status, fields.suspended(object));
    Duration next = nextRun(key, object, result);
    if (result.outcome() == Outcome.SUCCEEDED && next != null) {
      quietUntil.put(key, nanoTime.getAsLong() + next.toNanos());
    } else {
      quietUntil.remove(key);
    }
    ReconcileLog.finished(
        new ReconcileLog.ObjectRun(
            kindName(), namespace, name, fields.revision(result.status()), took),
        result.outcome(),
        next,
        result.status());
    UpdateControl<T> control = UpdateControl.noUpdate();
    return next == null ? control : control.rescheduleAfter(next);
  }

  /**
   * How long until the next run is due when this one would repeat the last without anything new:
   * the last run succeeded and its interval has not passed, and the event brings no new generation,
   * reconcile request, source revision, deletion or SDK retry. Such events come from a timer or a
   * source event that fired while the object's run was queued or running (a fleet starting before
   * its source has an artifact makes thousands of them), and the run they would start has nothing
   * to do that its predecessor, which started after them, did not.
   */
  private Optional<Duration> quietFor(String key, T object, Trigger trigger, Context<T> context) {
    Long until = quietUntil.get(key);
    if (until == null
        || trigger != Trigger.INTERVAL
        || object.isMarkedForDeletion()
        || (context != null && context.getRetryInfo().isPresent())) {
      return Optional.empty();
    }
    long left = until - nanoTime.getAsLong();
    return left > QUIET_MARGIN.toNanos() ? Optional.of(Duration.ofNanos(left)) : Optional.empty();
  }

  private void gone(String key, String namespace, String name) {
    backoff.reset(key);
    quietUntil.remove(key);
    sourceChanged.remove(key);
    metrics.forget(kindName(), namespace, name);
  }

  /** When to run again: what the engine asked, with backoff after consecutive failures. */
  private Duration nextRun(String key, T object, ReconcileResult<S> result) {
    if (result.outcome() != Outcome.FAILED || !result.requeue()) {
      backoff.reset(key);
      return result.requeueAfter();
    }
    Duration interval = fields.interval(object).orElse(result.requeueAfter());
    return backoff.failed(key, result.requeueAfter(), interval);
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

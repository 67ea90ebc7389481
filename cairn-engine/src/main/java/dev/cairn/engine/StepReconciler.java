package dev.cairn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.ReconcileStatus;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one reconcile skeleton, for every kind: copy the object, run the kind's steps behind the
 * shared suspension check, let the kind record what the run produced, let the {@link
 * StatusSummarizer} finish the status, write the kind's events, and patch the status once. A
 * deleted object runs the kind's deletion steps instead, and the finalizer is added and removed
 * here only. The kind supplies its steps through a {@link KindDefinition}; nothing else.
 *
 * <p>Thread-safe: per-run state lives in the run.
 */
public final class StepReconciler<
        T extends CustomResource<?, S>, S extends ReconcileStatus, R extends Run<S>>
    implements KindReconciler<T, S> {
  private final KubernetesClient client;
  private final KindDefinition<T, S, R> kind;
  private final StepRunner<R> steps;
  private final StepRunner<R> deletion;
  private final StatusSummarizer summarizer;
  private final StatusWriter writer;
  private final Finalizers<T> finalizers;
  private final FreshObjects<T> fresh = new FreshObjects<>();
  private final Clock clock;

  public StepReconciler(KubernetesClient client, KindDefinition<T, S, R> kind, Clock clock) {
    this.client = client;
    this.kind = kind;
    this.clock = clock;
    List<Step<R>> all = new ArrayList<>();
    all.add(Step.of("checkSuspend", Run::checkSuspend));
    all.add(Step.of("checkRefusedFields", Run::checkRefusedFields));
    all.addAll(kind.steps());
    this.steps = new StepRunner<>(all);
    this.deletion = kind.deletionSteps().isEmpty() ? null : new StepRunner<>(kind.deletionSteps());
    this.summarizer = new StatusSummarizer(kind.successReason());
    this.writer = new StatusWriter(client);
    this.finalizers = new Finalizers<>(client, kind.resourceClass());
  }

  @Override
  public Class<T> resourceClass() {
    return kind.resourceClass();
  }

  @Override
  public boolean finalizes() {
    return deletion != null;
  }

  @Override
  public Optional<ReconcileResult<S>> reconcile(String namespace, String name, Trigger trigger) {
    T live = client.resources(kind.resourceClass()).inNamespace(namespace).withName(name).get();
    return live == null ? Optional.empty() : Optional.of(reconcile(live, trigger));
  }

  @Override
  public ReconcileResult<S> reconcile(T handed, Trigger trigger) {
    T object = fresh.latest(handed);
    if (object.isMarkedForDeletion()) {
      return delete(object, trigger);
    }
    if (finalizes() && !object.hasFinalizer(FINALIZER)) {
      object = fresh.remember(object, finalizers.add(object));
    }
    T copy = client.getKubernetesSerialization().clone(object);
    S draft = copy.getStatus() == null ? kind.emptyStatus() : copy.getStatus();
    try (R run = start(copy, trigger, draft)) {
      // what this run last wrote: a progress or checkpoint write, then the final status, each go
      // onto the object the one before produced
      AtomicReference<T> written = new AtomicReference<>(object);
      run.onProgress(message -> written.set(write(written.get(), run, message, stored -> {})));
      run.onCheckpoint(
          (message, change) -> written.set(write(written.get(), run, message, change)));
      RunOutcome outcome = steps.run(run);
      if (outcome.skipped()) {
        return summarizer.summarize(run, outcome);
      }
      kind.finish(run, outcome);
      ReconcileRequest.requestedAt(copy).ifPresent(draft::setLastHandledReconcileAt);
      ReconcileResult<S> result = summarizer.summarize(run, outcome);
      kind.announce(run, outcome, object.getStatus());
      T current = fresh.latest(written.get());
      writer
          .write(kind.resourceClass(), current, result.status())
          .ifPresent(after -> fresh.remember(current, after));
      kind.written(run, outcome);
      return result;
    }
  }

  private R start(T copy, Trigger trigger, S draft) {
    R run = kind.newRun(copy, trigger, draft, clock);
    run.declareOwnedConditions(kind.ownedConditions());
    run.suspended(kind.suspended(copy));
    if (!kind.refusedFields().isEmpty()) {
      JsonNode spec =
          client.getKubernetesSerialization().convertValue(copy.getSpec(), JsonNode.class);
      run.refusedField(FieldRefusals.firstRefused(kind.refusedFields(), spec).orElse(null));
    }
    return run;
  }

  /**
   * {@code Reconciling=True} with what the run is doing ({@code message}), and {@code change} (see
   * {@link Run#checkpoint}; nothing for a progress report), on top of the stored status: readers
   * see progress, never a half-finished status.
   *
   * @return the object as it is after the write
   */
  private T write(T object, R run, String message, Consumer<S> change) {
    T current = fresh.latest(object);
    S stored =
        current.getStatus() == null
            ? kind.emptyStatus()
            : client.getKubernetesSerialization().clone(current.getStatus());
    change.accept(stored);
    stored
        .conditions(clock)
        .markTrue(
            ConditionTypes.RECONCILING, ConditionReasons.PROGRESSING, message, run.generation());
    return writer
        .write(kind.resourceClass(), current, stored)
        .map(after -> fresh.remember(current, after))
        .orElse(current);
  }

  /**
   * A deleted object: runs the deletion steps (unless suspended: then it is only released) and
   * removes the finalizer; a failed clean-up keeps it and is retried after the retry interval.
   */
  private ReconcileResult<S> delete(T object, Trigger trigger) {
    if (!finalizes() || !object.hasFinalizer(FINALIZER)) {
      return ReconcileResult.untouched(Outcome.SKIPPED, null, object.getStatus());
    }
    if (!kind.suspended(object)) {
      T copy = client.getKubernetesSerialization().clone(object);
      S draft = copy.getStatus() == null ? kind.emptyStatus() : copy.getStatus();
      try (R run = start(copy, trigger, draft)) {
        RunOutcome outcome = deletion.run(run);
        if (outcome.error() != null) {
          return ReconcileResult.untouched(
              outcome.outcome(), run.retryInterval(), object.getStatus());
        }
      }
    }
    finalizers.remove(object);
    fresh.forget(object);
    return ReconcileResult.untouched(Outcome.SUCCEEDED, null, object.getStatus());
  }

  @Override
  public void close() {
    kind.close();
  }
}

package dev.cairn.engine;

import dev.cairn.api.ReconcileStatus;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * What one kind brings to the {@link StepReconciler}: its spec checks and steps, how to make its
 * {@link Run}, the conditions it owns, its success reason and its events. Reading, copying,
 * suspension, summarizing, the finalizer and the single status write are the skeleton's.
 *
 * @param <T> the custom resource class
 * @param <S> its status class
 * @param <R> its run type
 */
public interface KindDefinition<
    T extends CustomResource<?, S>, S extends ReconcileStatus, R extends Run<S>> {

  Class<T> resourceClass();

  /** A fresh status for an object that has none yet. */
  S emptyStatus();

  /** The run of one reconciliation of {@code object} (a copy the run may change). */
  R newRun(T object, Trigger trigger, S draft, Clock clock);

  /** {@code spec.suspend}: the skeleton's first step ends a suspended object's run untouched. */
  boolean suspended(T object);

  /**
   * The steps after the shared suspension and refused-field checks, in order: spec checks first.
   */
  List<Step<R>> steps();

  /**
   * Spec fields the kind's schema accepts but its steps do not act on; the skeleton's {@code
   * checkRefusedFields} step (right after {@code checkSuspend}) stalls an object that sets one.
   */
  default List<FieldRefusal> refusedFields() {
    return List.of();
  }

  /** Ready's reason when every step proceeded. */
  String successReason();

  /**
   * The condition types the steps own (besides Ready, Reconciling and Stalled, which the {@link
   * StatusSummarizer} owns); recording any other is a bug.
   */
  Set<String> ownedConditions();

  /**
   * The clean-up of a deleted object, run before {@link KindReconciler#FINALIZER} is removed; empty
   * for kinds that keep no finalizer. A suspended object is released without clean-up.
   */
  default List<Step<R>> deletionSteps() {
    return List.of();
  }

  /**
   * Records what the run produced in the status besides conditions (inventory, history, last
   * applied revision); called once after the steps of a run that was not skipped.
   */
  default void finish(R run, RunOutcome outcome) {}

  /**
   * Called once the run's status has been written: what must not happen before its outcome is
   * stored (a request the run answered is removed only now, so a lost status write leaves the
   * request in place for the next run rather than losing its result).
   */
  default void written(R run, RunOutcome outcome) {}

  /**
   * Writes the events the run is worth, after the status is finished.
   *
   * @param before the status the object had when the run started (null for a new object)
   */
  void announce(R run, RunOutcome outcome, S before);

  /** Releases what the kind holds (threads, unpacked artifacts). */
  default void close() {}
}

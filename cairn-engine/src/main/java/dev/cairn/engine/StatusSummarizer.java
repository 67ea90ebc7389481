package dev.cairn.engine;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.Conditions;
import dev.cairn.api.ReconcileStatus;
import java.time.Duration;
import java.util.Objects;

/**
 * The one place that writes {@code Ready}, {@code Reconciling} and {@code Stalled}, and that turns
 * a {@link RunOutcome} into a requeue time. Conditions steps own ({@code Healthy}, {@code
 * FetchFailed}...) are copied from the run; no step writes Ready itself.
 *
 * <table>
 *   <caption>Outcome to status</caption>
 *   <tr><th>outcome</th><th>Ready</th><th>Reconciling</th><th>Stalled</th><th>requeue</th></tr>
 *   <tr><td>success</td><td>True, success reason</td><td>removed</td><td>removed</td>
 *       <td>interval (or what a step asked)</td></tr>
 *   <tr><td>Waiting</td><td>False, its reason</td><td>True ProgressingWithRetry</td>
 *       <td>removed</td><td>its {@code after}</td></tr>
 *   <tr><td>Failed</td><td>False, its reason</td><td>True ProgressingWithRetry</td>
 *       <td>removed</td><td>retry interval</td></tr>
 *   <tr><td>Stalled</td><td>False, its reason</td><td>removed</td><td>True, its reason</td>
 *       <td>none</td></tr>
 *   <tr><td>skipped (suspended)</td><td colspan="3">unchanged, not patched</td><td>none</td></tr>
 *   <tr><td>deferred (input not arrived)</td><td colspan="3">unchanged, not patched</td>
 *       <td>its {@code after}</td></tr>
 * </table>
 *
 * {@code observedGeneration} is set when the run succeeded or stalled (both are final for this
 * generation), as Flux does.
 */
public final class StatusSummarizer {
  private final String successReason;

  /**
   * @param successReason Ready's reason on success ({@code ReconciliationSucceeded} for
   *     Kustomizations, {@code Succeeded} for sources)
   */
  public StatusSummarizer(String successReason) {
    this.successReason = Objects.requireNonNull(successReason, "successReason");
  }

  /**
   * Finishes {@code run}'s status draft for {@code outcome}; the intervals come from the run
   * ({@link Run#interval()}, {@link Run#retryInterval()}).
   */
  public <S extends ReconcileStatus> ReconcileResult<S> summarize(Run<S> run, RunOutcome outcome) {
    S status = run.status();
    Outcome typed = outcome.outcome();
    if (typed == Outcome.SKIPPED) {
      return ReconcileResult.untouched(typed, outcome.result().requeueAfter(), status);
    }
    Conditions conditions = status.conditions(run.clock());
    Long generation = run.generation();
    for (OwnedCondition owned : run.ownedConditions().values()) {
      if (owned.status() == null) {
        conditions.remove(owned.type());
      } else {
        conditions.set(owned.type(), owned.status(), owned.reason(), owned.message(), generation);
      }
    }
    ReconcileException error = outcome.error();
    if (error == null) {
      conditions.markTrue(ConditionTypes.READY, successReason, run.successMessage(), generation);
      conditions.remove(ConditionTypes.RECONCILING);
      conditions.remove(ConditionTypes.STALLED);
      status.setObservedGeneration(generation);
      Duration asked = outcome.requestedRequeue();
      return new ReconcileResult<>(typed, asked != null ? asked : run.interval(), status, true);
    }
    conditions.markFalse(ConditionTypes.READY, error.reason(), error.getMessage(), generation);
    if (typed == Outcome.STALLED) {
      conditions.markTrue(ConditionTypes.STALLED, error.reason(), error.getMessage(), generation);
      conditions.remove(ConditionTypes.RECONCILING);
      status.setObservedGeneration(generation);
      return new ReconcileResult<>(typed, null, status, true);
    }
    conditions.markTrue(
        ConditionTypes.RECONCILING,
        ConditionReasons.PROGRESSING_WITH_RETRY,
        error.getMessage(),
        generation);
    conditions.remove(ConditionTypes.STALLED);
    Duration after =
        error instanceof ReconcileException.Waiting waiting ? waiting.after() : run.retryInterval();
    return new ReconcileResult<>(typed, after, status, true);
  }
}

package dev.cairn.controller;

import dev.cairn.api.ConditionTypes;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.ReconcileStatus;
import dev.cairn.engine.Outcome;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One log line per finished reconcile, as Flux's controllers write one: the object ({@code kind},
 * {@code namespace}, {@code name}), the {@code revision} its status names, the {@code duration} in
 * seconds and the typed {@code outcome}, as SLF4J key/value pairs (top-level fields in JSON). A
 * success says when the next run is; anything else carries the Ready condition's reason and
 * message, which the engine writes without secrets. Failures and stalls log at ERROR.
 */
final class ReconcileLog {
  static final String LOGGER = "dev.cairn.reconcile";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private ReconcileLog() {}

  /** Logs one finished run. */
  static void finished(ObjectRun run, Outcome outcome, Duration requeueAfter, Object status) {
    boolean bad = outcome == Outcome.FAILED || outcome == Outcome.STALLED;
    LoggingEventBuilder line = bad ? LOG.atError() : LOG.atInfo();
    line =
        line.addKeyValue("kind", run.kind())
            .addKeyValue("namespace", run.namespace())
            .addKeyValue("name", run.name())
            .addKeyValue("revision", run.revision())
            .addKeyValue("duration", run.took().toNanos() / 1e9)
            .addKeyValue("outcome", outcome.name().toLowerCase(Locale.ROOT));
    Condition ready = ready(status);
    if (ready != null && outcome != Outcome.SUCCEEDED) {
      line = line.addKeyValue("reason", ready.getReason());
    }
    line.log(message(outcome, run.took(), requeueAfter, ready));
  }

  private static String message(
      Outcome outcome, Duration took, Duration requeueAfter, Condition ready) {
    String finished =
        "Reconciliation finished in " + FluxDuration.format(took.truncatedTo(ChronoUnit.MILLIS));
    String next = requeueAfter == null ? "" : ", next run in " + FluxDuration.format(requeueAfter);
    if (outcome == Outcome.SUCCEEDED || ready == null || ready.getMessage() == null) {
      return finished + next;
    }
    return finished + next + ": " + ready.getMessage();
  }

  private static Condition ready(Object status) {
    if (!(status instanceof ReconcileStatus s) || s.getConditions() == null) {
      return null;
    }
    return s.getConditions().stream()
        .filter(c -> ConditionTypes.READY.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }

  /** The object a run was for, what it ended at, and how long it took. */
  record ObjectRun(String kind, String namespace, String name, String revision, Duration took) {}
}

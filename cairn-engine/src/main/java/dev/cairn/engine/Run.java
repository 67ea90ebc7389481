package dev.cairn.engine;

import dev.cairn.api.InventoryEntry;
import dev.cairn.api.ReconcileStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one reconciliation, passed to every step: what is reconciled, why, what it owned
 * before, the status draft the summarizer finishes, and what the steps recorded on the way. Never
 * shared between runs; reconcilers keep no per-run state in fields.
 *
 * @param <S> the status type of the kind
 */
public class Run<S extends ReconcileStatus> {
  private final ResourceKey key;
  private final long generation;
  private final Trigger trigger;
  private final List<InventoryEntry> previousInventory;
  private final S status;
  private final Clock clock;
  private final Instant started;
  private final Map<String, String> loggerContext = new LinkedHashMap<>();
  private final Map<String, OwnedCondition> owned = new LinkedHashMap<>();
  private String successMessage = "";

  /**
   * @param status the status draft: a copy of the live status that steps and the summarizer change
   */
  public Run(
      ResourceKey key,
      long generation,
      Trigger trigger,
      List<InventoryEntry> previousInventory,
      S status,
      Clock clock) {
    this.key = Objects.requireNonNull(key, "key");
    this.generation = generation;
    this.trigger = Objects.requireNonNull(trigger, "trigger");
    this.previousInventory = List.copyOf(previousInventory);
    this.status = Objects.requireNonNull(status, "status");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.started = clock.instant();
    loggerContext.put("kind", key.kind());
    loggerContext.put("namespace", key.namespace());
    loggerContext.put("name", key.name());
    loggerContext.put("trigger", trigger.name().toLowerCase());
  }

  public ResourceKey key() {
    return key;
  }

  public long generation() {
    return generation;
  }

  public Trigger trigger() {
    return trigger;
  }

  /** The inventory the object had when the run started. */
  public List<InventoryEntry> previousInventory() {
    return previousInventory;
  }

  /** The status draft. */
  public S status() {
    return status;
  }

  public Clock clock() {
    return clock;
  }

  public Instant started() {
    return started;
  }

  /** Key-value pairs for log lines of this run (kind, namespace, name, trigger, revision...). */
  public Map<String, String> loggerContext() {
    return loggerContext;
  }

  /** Records a condition the current step owns. */
  public void own(OwnedCondition condition) {
    owned.put(condition.type(), condition);
  }

  /** The conditions steps recorded, by type, in recording order. */
  public Map<String, OwnedCondition> ownedConditions() {
    return owned;
  }

  /** The Ready message if the run succeeds, e.g. {@code Applied revision: main@sha1:...}. */
  public String successMessage() {
    return successMessage;
  }

  public void succeedWith(String message) {
    this.successMessage = message == null ? "" : message;
  }
}

package dev.cairn.engine;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.InventoryEntry;
import dev.cairn.api.ReconcileStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The state of one reconciliation, passed to every step: what is reconciled, why, what it owned
 * before, the status draft the summarizer finishes, and what the steps recorded on the way. Never
 * shared between runs; reconcilers keep no per-run state in fields.
 *
 * @param <S> the status type of the kind
 */
public class Run<S extends ReconcileStatus> implements AutoCloseable {
  /** Flux's {@code --requeue-dependency} default. */
  public static final Duration DEFAULT_DEPENDENCY_REQUEUE = Duration.ofSeconds(30);

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
  private Set<String> declared;
  private Duration interval;
  private Duration retryInterval;
  private Consumer<String> progress = message -> {};
  private BiConsumer<String, Consumer<S>> checkpoint = (message, change) -> {};
  private String reconcilingShown;
  private boolean shownForTheRun;
  private boolean suspended;
  private String refusedField;
  private Duration dependencyRequeue = DEFAULT_DEPENDENCY_REQUEUE;

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

  /**
   * Records a condition the current step owns.
   *
   * @throws IllegalStateException when the kind did not declare the condition type as its own (a
   *     bug in a step: the run fails with {@code ReconciliationFailed})
   */
  public void own(OwnedCondition condition) {
    if (declared != null && !declared.contains(condition.type())) {
      throw new IllegalStateException(
          key.kind() + " does not declare the condition " + condition.type() + " as its own");
    }
    owned.put(condition.type(), condition);
  }

  /** The condition types the kind owns besides Ready, Reconciling and Stalled; set once. */
  void declareOwnedConditions(Set<String> types) {
    this.declared = Set.copyOf(types);
  }

  /** {@code spec.interval}; null until a step parsed it (an invalid one stalls the run). */
  public Duration interval() {
    return interval;
  }

  /** The wait after a failure: {@code spec.retryInterval}, else the interval. */
  public Duration retryInterval() {
    return retryInterval == null ? interval : retryInterval;
  }

  /** Sets the intervals; {@code retryInterval} null means "the interval". */
  public void intervals(Duration interval, Duration retryInterval) {
    this.interval = interval;
    this.retryInterval = retryInterval;
  }

  /**
   * How long a run waits before looking again at a dependency or a source that is not ready yet
   * (Flux's {@code --requeue-dependency}); a dependency that becomes ready triggers the run sooner.
   */
  public Duration dependencyRequeue() {
    return dependencyRequeue;
  }

  public void dependencyRequeue(Duration value) {
    this.dependencyRequeue = Objects.requireNonNull(value, "value");
  }

  /**
   * Tells the object's readers what a long step is doing ({@code Reconciling=True} with {@code
   * message}), written at once; call it only when the step is about to wait, so a steady state
   * writes nothing.
   *
   * <p>A run writes {@code Reconciling=True} again only when what it shows would no longer be true:
   * nothing after a {@link #checkpoint} (its message holds for the whole run, as Flux's
   * "Reconciliation in progress" does), nothing when {@code message} is what this run already
   * shows, and {@code message} when it replaces an earlier step's own (the next wave of a sync).
   */
  public void reportProgress(String message) {
    if (reconcilingShown != null && (shownForTheRun || reconcilingShown.equals(message))) {
      return;
    }
    progress.accept(message);
    reconcilingShown = message;
    shownForTheRun = false;
  }

  /**
   * Writes {@code change} at once on top of the status the object has stored, so that it survives
   * this process dying before the run ends (the run's own status write at the end replaces it). For
   * bookkeeping a later run needs, such as the objects an apply is about to create. The same write
   * sets {@code Reconciling=True} with {@code progress}, a message true until the run ends (what
   * revision the run reconciles): readers see the run under way, and {@link #reportProgress} writes
   * nothing more in this run.
   */
  public void checkpoint(String progress, Consumer<S> change) {
    checkpoint.accept(Objects.requireNonNull(progress, "progress"), change);
    reconcilingShown = progress;
    shownForTheRun = true;
  }

  void onCheckpoint(BiConsumer<String, Consumer<S>> listener) {
    this.checkpoint = listener;
  }

  void suspended(boolean value) {
    this.suspended = value;
  }

  /** The shared first step of every kind: a suspended object's run ends untouched. */
  static StepResult checkSuspend(Run<?> run) {
    return run.suspended ? StepResult.skip("suspended") : StepResult.proceed();
  }

  /** The stall message of the first refused field the object sets; null when none. */
  void refusedField(String message) {
    this.refusedField = message;
  }

  /**
   * The shared step after {@code checkSuspend}: an object that sets a field its kind refuses
   * ({@link KindDefinition#refusedFields()}) stalls with {@code InvalidSpec} naming the field.
   */
  static StepResult checkRefusedFields(Run<?> run) {
    if (run.refusedField != null) {
      throw new ReconcileException.Stalled(ConditionReasons.INVALID_SPEC, run.refusedField);
    }
    return StepResult.proceed();
  }

  void onProgress(Consumer<String> listener) {
    this.progress = listener;
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

  /** Releases what the run opened (clients for another cluster or identity); default none. */
  @Override
  public void close() {}
}

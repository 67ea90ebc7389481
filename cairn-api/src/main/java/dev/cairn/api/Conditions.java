package dev.cairn.api;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes the conditions of one status, the way Kubernetes' {@code
 * meta.SetStatusCondition} does: one condition per type, and {@code lastTransitionTime} changes
 * only when the status does.
 *
 * <p>The view writes through to the list it was given, so a status' own list stays the one source.
 */
public final class Conditions {

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  private final List<Condition> conditions;
  private final Clock clock;

  /**
   * @param conditions the status' mutable condition list
   * @param clock the clock that stamps {@code lastTransitionTime}
   */
  public Conditions(List<Condition> conditions, Clock clock) {
    this.conditions = Objects.requireNonNull(conditions, "conditions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The condition of {@code type} in {@code conditions} (null or empty: none), read-only. */
  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** The condition of {@code type} in {@code status} (null: none), read-only. */
  public static Optional<Condition> find(ReconcileStatus status, String type) {
    return status == null ? Optional.empty() : find(status.getConditions(), type);
  }

  /** True when {@code condition} is present with status True. */
  public static boolean isTrue(Condition condition) {
    return condition != null && TRUE.equals(condition.getStatus());
  }

  /** True when {@code condition} is present with status False. */
  public static boolean isFalse(Condition condition) {
    return condition != null && FALSE.equals(condition.getStatus());
  }

  public Optional<Condition> get(String type) {
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public boolean isTrue(String type) {
    return get(type).map(c -> TRUE.equals(c.getStatus())).orElse(false);
  }

  public boolean isFalse(String type) {
    return get(type).map(c -> FALSE.equals(c.getStatus())).orElse(false);
  }

  /** Sets {@code type} to True with a reason and message. */
  public Condition markTrue(String type, String reason, String message, Long observedGeneration) {
    return set(type, TRUE, reason, message, observedGeneration);
  }

  /** Sets {@code type} to False with a reason and message. */
  public Condition markFalse(String type, String reason, String message, Long observedGeneration) {
    return set(type, FALSE, reason, message, observedGeneration);
  }

  /** Sets {@code type} to Unknown with a reason and message. */
  public Condition markUnknown(
      String type, String reason, String message, Long observedGeneration) {
    return set(type, UNKNOWN, reason, message, observedGeneration);
  }

  /**
   * Adds or updates the condition of {@code type}. The transition time is now when the condition is
   * new or its status changed, and kept otherwise (a new reason or message alone is no transition).
   *
   * @return the condition as stored
   */
  public Condition set(
      String type, String status, String reason, String message, Long observedGeneration) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Optional<Condition> existing = get(type);
    String transition =
        existing
            .filter(c -> status.equals(c.getStatus()) && c.getLastTransitionTime() != null)
            .map(Condition::getLastTransitionTime)
            .orElseGet(this::now);
    Condition updated =
        new Condition(transition, message, observedGeneration, reason, status, type);
    existing.ifPresentOrElse(
        c -> conditions.set(conditions.indexOf(c), updated), () -> conditions.add(updated));
    return updated;
  }

  /** Removes the condition of {@code type}; returns whether there was one. */
  public boolean remove(String type) {
    return conditions.removeIf(c -> type.equals(c.getType()));
  }

  /**
   * Now in the RFC 3339 form with seconds precision that Kubernetes writes for {@code metav1.Time}.
   */
  private String now() {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
  }
}

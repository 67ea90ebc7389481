package dev.cairn.apply;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link ResourceManager} applies, prunes and waits. Start from {@link #defaults()} and use the
 * withers.
 *
 * @param fieldManager the server-side apply field manager
 * @param force delete and recreate objects whose update fails on an immutable field (objects can
 *     ask for it one by one with the annotation {@value #FORCE_ANNOTATION}{@code : enabled})
 * @param forceConflicts take ownership of fields other managers own (server-side apply {@code
 *     force=true}), as Flux does
 * @param waitTimeout how long to wait for CRDs to be established, for deletions before a recreate,
 *     and the default for {@link ResourceManager#waitForHealth}
 * @param exclusions label or annotation pairs; an object carrying any of them is skipped
 * @param labels labels stamped on every applied object (ownership, e.g. {@code cairn.dev/name});
 *     prune deletes only objects that still carry all of them
 */
public record ApplyOptions(
    String fieldManager,
    boolean force,
    boolean forceConflicts,
    Duration waitTimeout,
    Map<String, String> exclusions,
    Map<String, String> labels) {

  /** Objects annotated {@code cairn.dev/force: enabled} are recreated when immutable. */
  public static final String FORCE_ANNOTATION = "cairn.dev/force";

  /** Objects annotated {@code cairn.dev/prune: disabled} are never pruned. */
  public static final String PRUNE_ANNOTATION = "cairn.dev/prune";

  /** The value that turns a {@code cairn.dev/*} switch on ({@code enabled}) or off. */
  public static final String ENABLED = "enabled";

  public static final String DISABLED = "disabled";

  public ApplyOptions {
    Objects.requireNonNull(fieldManager, "fieldManager");
    if (fieldManager.isBlank()) {
      throw new IllegalArgumentException("fieldManager must not be blank");
    }
    Objects.requireNonNull(waitTimeout, "waitTimeout");
    if (waitTimeout.isNegative()) {
      throw new IllegalArgumentException("waitTimeout must not be negative: " + waitTimeout);
    }
    exclusions = Map.copyOf(exclusions);
    labels = Map.copyOf(labels);
  }

  /** Field manager {@code cairn}, no recreate, force conflicts, 5 minutes, no exclusions. */
  public static ApplyOptions defaults() {
    return new ApplyOptions("cairn", false, true, Duration.ofMinutes(5), Map.of(), Map.of());
  }

  public ApplyOptions withFieldManager(String fieldManager) {
    return new ApplyOptions(fieldManager, force, forceConflicts, waitTimeout, exclusions, labels);
  }

  public ApplyOptions withForce(boolean force) {
    return new ApplyOptions(fieldManager, force, forceConflicts, waitTimeout, exclusions, labels);
  }

  public ApplyOptions withForceConflicts(boolean forceConflicts) {
    return new ApplyOptions(fieldManager, force, forceConflicts, waitTimeout, exclusions, labels);
  }

  public ApplyOptions withWaitTimeout(Duration waitTimeout) {
    return new ApplyOptions(fieldManager, force, forceConflicts, waitTimeout, exclusions, labels);
  }

  public ApplyOptions withExclusions(Map<String, String> exclusions) {
    return new ApplyOptions(fieldManager, force, forceConflicts, waitTimeout, exclusions, labels);
  }

  public ApplyOptions withLabels(Map<String, String> labels) {
    return new ApplyOptions(fieldManager, force, forceConflicts, waitTimeout, exclusions, labels);
  }
}

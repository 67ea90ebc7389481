package dev.cairn.apply;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

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
 * @param shard the shard this controller is, stamped as {@value #SHARD_LABEL} on every applied
 *     object so that a sharded controller's watches hold only its own shard's objects; null when
 *     the controller is not sharded. Prune does not require it: an object applied by the shard that
 *     reconciled its owner before a move to another shard is still pruned.
 */
public record ApplyOptions(
    String fieldManager,
    boolean force,
    boolean forceConflicts,
    Duration waitTimeout,
    Map<String, String> exclusions,
    Map<String, String> labels,
    String shard) {

  /** The label naming the shard that applied an object (see {@link #shard()}). */
  public static final String SHARD_LABEL = "cairn.dev/shard";

  /** Objects annotated {@code cairn.dev/force: enabled} are recreated when immutable. */
  public static final String FORCE_ANNOTATION = "cairn.dev/force";

  /** Objects annotated {@code cairn.dev/prune: disabled} are never pruned. */
  public static final String PRUNE_ANNOTATION = "cairn.dev/prune";

  /** The value that turns a {@code cairn.dev/*} switch on ({@code enabled}) or off. */
  public static final String ENABLED = "enabled";

  public static final String DISABLED = "disabled";

  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

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
    if (shard != null && !LABEL_VALUE.matcher(shard).matches()) {
      throw new IllegalArgumentException("shard is not a valid label value: " + shard);
    }
  }

  /** Field manager {@code cairn}, no recreate, force conflicts, 5 minutes, no exclusions. */
  public static ApplyOptions defaults() {
    return new ApplyOptions("cairn", false, true, Duration.ofMinutes(5), Map.of(), Map.of(), null);
  }

  public ApplyOptions withFieldManager(String fieldManager) {
    return new ApplyOptions(
        fieldManager, force, forceConflicts, waitTimeout, exclusions, labels, shard);
  }

  public ApplyOptions withForce(boolean force) {
    return new ApplyOptions(
        fieldManager, force, forceConflicts, waitTimeout, exclusions, labels, shard);
  }

  public ApplyOptions withForceConflicts(boolean forceConflicts) {
    return new ApplyOptions(
        fieldManager, force, forceConflicts, waitTimeout, exclusions, labels, shard);
  }

  public ApplyOptions withWaitTimeout(Duration waitTimeout) {
    return new ApplyOptions(
        fieldManager, force, forceConflicts, waitTimeout, exclusions, labels, shard);
  }

  public ApplyOptions withExclusions(Map<String, String> exclusions) {
    return new ApplyOptions(
        fieldManager, force, forceConflicts, waitTimeout, exclusions, labels, shard);
  }

  public ApplyOptions withLabels(Map<String, String> labels) {
    return new ApplyOptions(
        fieldManager, force, forceConflicts, waitTimeout, exclusions, labels, shard);
  }

  public ApplyOptions withShard(String shard) {
    return new ApplyOptions(
        fieldManager, force, forceConflicts, waitTimeout, exclusions, labels, shard);
  }

  /** What is stamped on every applied object: the ownership labels and the shard's label. */
  Map<String, String> stampedLabels() {
    if (shard == null) {
      return labels;
    }
    Map<String, String> stamped = new HashMap<>(labels);
    stamped.put(SHARD_LABEL, shard);
    return stamped;
  }
}

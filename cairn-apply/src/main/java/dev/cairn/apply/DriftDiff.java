package dev.cairn.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The difference between the live object and what applying the desired one would make of it
 * (server-side dry-run, skipped when {@link UnchangedCheck} proves from the live object that the
 * apply would change nothing), as a unified diff of their YAML without server-filled fields. Secret
 * {@code data} and {@code stringData} values are masked: {@code ***} on both sides, {@code ***
 * (changed)} on the desired side when the value differs, so that a change shows without the value.
 */
final class DriftDiff {
  static final String MASK = "***";
  private static final String CHANGED_MASK = "*** (changed)";

  private final ClusterClient cluster;
  private final ApplyOptions options;
  private final DiffNormalizer normalizer;

  DriftDiff(ClusterClient cluster, ApplyOptions options, DiffNormalizer normalizer) {
    this.cluster = cluster;
    this.options = options;
    this.normalizer = normalizer;
  }

  String diff(KubeObject desired) {
    KubeObject stamped = desired.deepCopy();
    options.stampedLabels().forEach(stamped::setLabel);
    Optional<KubeObject> live = cluster.get(stamped.id());
    if (options.shard() == null) {
      // a diff asked for outside the shard's controller (the CLI, a preview) keeps the shard's mark
      live.map(l -> l.labels().get(ApplyOptions.SHARD_LABEL))
          .ifPresent(shard -> stamped.setLabel(ApplyOptions.SHARD_LABEL, shard));
    }
    if (live.isPresent()
        && UnchangedCheck.proven(stamped.node(), live.get().node(), options.fieldManager())) {
      // Applying would change nothing, proven from the live object alone (a watched client's
      // cache at steady state): no drift, and no dry-run request per object.
      return "";
    }
    KubeObject merged =
        cluster.dryRunApply(stamped, options.fieldManager(), options.forceConflicts());
    ObjectNode before = live.map(l -> ServerFields.strip(l.node())).orElse(null);
    ObjectNode after = ServerFields.strip(merged.node());
    normalizer.normalize(live.orElse(null), before, after);
    if ("Secret".equals(stamped.kind()) && stamped.gvk().group().isEmpty()) {
      mask(before, after);
    }
    String name = stamped.id().toString();
    return UnifiedDiff.diff(
        before == null ? "/dev/null" : "live/" + name,
        before == null ? "" : YamlWriter.write(before),
        "desired/" + name,
        YamlWriter.write(after));
  }

  private static void mask(ObjectNode before, ObjectNode after) {
    for (String field : List.of("data", "stringData")) {
      JsonNode old = before == null ? null : before.get(field);
      JsonNode now = after.get(field);
      if (now instanceof ObjectNode values) {
        for (String key : new ArrayList<>(iterable(values))) {
          JsonNode previous = old == null ? null : old.get(key);
          boolean same = previous != null && previous.equals(values.get(key));
          values.put(key, previous == null || same ? MASK : CHANGED_MASK);
        }
      }
      if (old instanceof ObjectNode values) {
        for (String key : new ArrayList<>(iterable(values))) {
          values.put(key, MASK);
        }
      }
    }
  }

  private static List<String> iterable(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

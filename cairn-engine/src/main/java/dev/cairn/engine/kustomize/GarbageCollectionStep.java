package dev.cairn.engine.kustomize;

import static dev.cairn.api.kustomize.DeletionPolicy.WaitForTermination;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.kustomize.DeletionPolicy;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationSpec;
import dev.cairn.apply.Action;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ChangeSet;
import dev.cairn.apply.ChangeSetEntry;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.Inventories;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.cluster.ClusterTarget;
import dev.cairn.manifest.ObjectId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step {@code collectGarbage} of a deleted Kustomization: its inventory is garbage-collected in
 * reverse kind order as Flux does, before the skeleton removes the finalizer. {@code
 * deletionPolicy}: {@code MirrorPrune} (default) deletes when {@code prune} is true, {@code Delete}
 * and {@code WaitForTermination} always delete, {@code Orphan} never. Objects annotated {@code
 * cairn.dev/prune: disabled} or taken over by another owner stay. A suspended Kustomization is only
 * released, nothing is deleted.
 */
final class GarbageCollectionStep {
  private static final Logger LOG = LoggerFactory.getLogger(GarbageCollectionStep.class);

  private final ConnectStep targets;
  private final ApplyOptions applyOptions;
  private final EventRecorder events;

  GarbageCollectionStep(ConnectStep targets, ApplyOptions applyOptions, EventRecorder events) {
    this.targets = targets;
    this.applyOptions = applyOptions;
    this.events = events;
  }

  /**
   * Deletes what the deleted Kustomization's inventory holds, when its policy says so.
   *
   * @throws ReconcileException.Failed when a delete failed: keep the finalizer and retry
   */
  StepResult collectGarbage(KustomizationRun run) {
    Kustomization object = run.object();
    KustomizationSpec spec = object.getSpec();
    if (!deletesObjects(spec) || object.getStatus() == null) {
      return StepResult.proceed();
    }
    var inventory = object.getStatus().getInventory();
    if (inventory == null || inventory.entries().isEmpty()) {
      return StepResult.proceed();
    }
    String namespace = object.getMetadata().getNamespace();
    String name = object.getMetadata().getName();
    ApplyOptions options =
        applyOptions.withLabels(
            Map.of(ApplyStep.NAME_LABEL, name, ApplyStep.NAMESPACE_LABEL, namespace));
    ChangeSet deleted;
    List<ObjectId> lingering = List.of();
    try (ClusterTarget target = targets.open(object)) {
      deleted = target.manager().prune(Inventories.ids(inventory.entries()), List.of(), options);
      if (!deleted.hasFailures() && spec.effectiveDeletionPolicy() == WaitForTermination) {
        lingering = target.manager().waitForTermination(deletedIds(deleted), run.timeout());
      }
    }
    if (deleted.hasFailures()) {
      throw new ReconcileException.Failed(
          ConditionReasons.PRUNE_FAILED,
          "garbage collection failed: "
              + deleted.failures().stream()
                  .map(f -> f.id() + ": " + f.error())
                  .collect(Collectors.joining("; ")));
    }
    if (!lingering.isEmpty()) {
      String message =
          "failed to wait for resources termination within "
              + run.timeout().toSeconds()
              + "s: "
              + lingering.stream().map(ObjectId::toString).collect(Collectors.joining(", "));
      LOG.warn("Kustomization {}/{}: {}", namespace, name, message);
      events.record(object, EventRecorder.WARNING, ConditionReasons.PRUNE_FAILED, message, null);
    }
    LOG.info(
        "Kustomization {}/{} deleted; garbage-collected {} objects",
        namespace,
        name,
        deleted.entries().size());
    return StepResult.proceed();
  }

  private static List<ObjectId> deletedIds(ChangeSet deleted) {
    return deleted.entries().stream()
        .filter(entry -> entry.action() == Action.DELETED)
        .map(ChangeSetEntry::id)
        .toList();
  }

  private static boolean deletesObjects(KustomizationSpec spec) {
    DeletionPolicy policy = spec.effectiveDeletionPolicy();
    return switch (policy) {
      case MirrorPrune -> Boolean.TRUE.equals(spec.prune());
      case Delete, WaitForTermination -> true;
      case Orphan -> false;
    };
  }
}

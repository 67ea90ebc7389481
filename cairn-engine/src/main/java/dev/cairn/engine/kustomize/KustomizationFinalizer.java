package dev.cairn.engine.kustomize;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.kustomize.DeletionPolicy;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationSpec;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ChangeSet;
import dev.cairn.engine.Inventories;
import dev.cairn.engine.KindReconciler;
import dev.cairn.engine.ReconcileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The finalizer {@value #FINALIZER}: added on the first reconcile; when the Kustomization is
 * deleted, its inventory is garbage-collected in reverse kind order as Flux does, then the
 * finalizer is removed. {@code deletionPolicy}: {@code MirrorPrune} (default) deletes when {@code
 * prune} is true, {@code Delete} and {@code WaitForTermination} always delete, {@code Orphan}
 * never. Objects annotated {@code cairn.dev/prune: disabled} or taken over by another owner stay. A
 * suspended Kustomization is only released, nothing is deleted.
 */
final class KustomizationFinalizer {
  static final String FINALIZER = KindReconciler.FINALIZER;
  private static final Logger LOG = LoggerFactory.getLogger(KustomizationFinalizer.class);

  private final ClusterTargets targets;
  private final ApplyOptions applyOptions;

  KustomizationFinalizer(ClusterTargets targets, ApplyOptions applyOptions) {
    this.targets = targets;
    this.applyOptions = applyOptions;
  }

  static boolean present(Kustomization object) {
    List<String> finalizers = object.getMetadata().getFinalizers();
    return finalizers != null && finalizers.contains(FINALIZER);
  }

  static boolean deleting(Kustomization object) {
    return object.getMetadata().getDeletionTimestamp() != null;
  }

  /** Adds the finalizer to {@code object} (a copy the caller sends). */
  static Kustomization withFinalizer(Kustomization object) {
    List<String> finalizers =
        new ArrayList<>(
            object.getMetadata().getFinalizers() == null
                ? List.of()
                : object.getMetadata().getFinalizers());
    finalizers.add(FINALIZER);
    object.getMetadata().setFinalizers(finalizers);
    return object;
  }

  /** Removes the finalizer from {@code object} (a copy the caller sends). */
  static Kustomization withoutFinalizer(Kustomization object) {
    List<String> finalizers = new ArrayList<>(object.getMetadata().getFinalizers());
    finalizers.remove(FINALIZER);
    object.getMetadata().setFinalizers(finalizers);
    return object;
  }

  /**
   * Deletes what the deleted Kustomization's inventory holds, when its policy says so.
   *
   * @return what was deleted (empty when nothing was to be deleted)
   * @throws ReconcileException.Failed when a delete failed: keep the finalizer and retry
   */
  ChangeSet collectGarbage(Kustomization object) {
    KustomizationSpec spec = object.getSpec();
    if (spec.suspended() || !deletesObjects(spec) || object.getStatus() == null) {
      return ChangeSet.empty();
    }
    var inventory = object.getStatus().getInventory();
    if (inventory == null || inventory.entries().isEmpty()) {
      return ChangeSet.empty();
    }
    String namespace = object.getMetadata().getNamespace();
    String name = object.getMetadata().getName();
    ApplyOptions options =
        applyOptions.withLabels(
            Map.of(ApplyStep.NAME_LABEL, name, ApplyStep.NAMESPACE_LABEL, namespace));
    ChangeSet deleted;
    try (ClusterTarget target = targets.open(object)) {
      deleted = target.manager().prune(Inventories.ids(inventory.entries()), List.of(), options);
    }
    if (deleted.hasFailures()) {
      throw new ReconcileException.Failed(
          ConditionReasons.PRUNE_FAILED,
          "garbage collection failed: "
              + deleted.failures().stream()
                  .map(f -> f.id() + ": " + f.error())
                  .collect(Collectors.joining("; ")));
    }
    LOG.info(
        "Kustomization {}/{} deleted; garbage-collected {} objects",
        namespace,
        name,
        deleted.entries().size());
    return deleted;
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

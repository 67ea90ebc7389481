package dev.cairn.engine.kustomize;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.InventoryEntry;
import dev.cairn.api.ResourceInventory;
import dev.cairn.apply.ApplyException;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ChangeSet;
import dev.cairn.apply.ChangeSetEntry;
import dev.cairn.apply.ClusterClient;
import dev.cairn.engine.Inventories;
import dev.cairn.engine.OwnerLabels;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Steps {@code apply} and {@code prune}. Apply validates the whole rendered set by dry-run, then
 * applies it in stages with the ownership labels {@value #NAME_LABEL} and {@value
 * #NAMESPACE_LABEL}; the new inventory is what the apply left in the cluster. Prune ({@code prune:
 * true}) deletes what the previous inventory held and the new one does not; objects whose delete
 * failed stay in the inventory so the next run retries them. An apply that fails half-way adds what
 * it did create to the previous inventory. Before an apply that creates objects the previous
 * inventory lacks, the inventory stored in the status grows by them: a controller that dies
 * half-way leaves no object behind that a later prune would not know of; the same write shows the
 * run under way ({@code Reconciling=True}) until its final status.
 */
final class ApplyStep {
  static final String NAME_LABEL = OwnerLabels.KUSTOMIZATION_NAME;
  static final String NAMESPACE_LABEL = OwnerLabels.KUSTOMIZATION_NAMESPACE;

  StepResult apply(KustomizationRun run) {
    ApplyOptions options =
        run.applyOptions()
            .withLabels(
                Map.of(NAME_LABEL, run.key().name(), NAMESPACE_LABEL, run.key().namespace()))
            .withForce(Boolean.TRUE.equals(run.spec().force()))
            .withWaitTimeout(run.timeout());
    run.applyOptions(options);
    recordPlanned(run);
    ChangeSet applied;
    try {
      applied = run.target().manager().apply(run.rendered().objects(), options);
    } catch (ApplyException e) {
      run.applied(e.partial());
      if (e.partial().hasChanges()) {
        // Objects created before the failure are ours now: keep them in the inventory so that a
        // later prune can remove them.
        List<InventoryEntry> kept = new ArrayList<>(run.previousInventory());
        kept.addAll(Inventories.fromChangeSet(e.partial()));
        run.newInventory(kept.stream().distinct().toList());
      }
      throw new ReconcileException.Failed(ConditionReasons.RECONCILIATION_FAILED, e.getMessage());
    }
    run.applied(applied);
    run.newInventory(Inventories.fromChangeSet(applied));
    return StepResult.proceed();
  }

  /**
   * Stores previous inventory plus the objects about to be applied when that adds any. Only ids the
   * inventory can name exactly (a namespace, or a kind known to be cluster-scoped) are added. The
   * progress message names only the revision: it stays true through prune and health checks, whose
   * own progress report is then not written.
   */
  private static void recordPlanned(KustomizationRun run) {
    List<InventoryEntry> planned = new ArrayList<>(run.previousInventory());
    ClusterClient cluster = run.target().cluster();
    for (KubeObject object : run.rendered().objects()) {
      ObjectId id = object.id();
      boolean named =
          id.namespace() != null && !id.namespace().isEmpty()
              || cluster.namespaced(id.gvk()).map(namespaced -> !namespaced).orElse(false);
      InventoryEntry entry = Inventories.entryOf(id);
      if (named && !planned.contains(entry)) {
        planned.add(entry);
      }
    }
    if (planned.size() > run.previousInventory().size()) {
      List<InventoryEntry> sorted =
          planned.stream().sorted(Comparator.comparing(InventoryEntry::id)).toList();
      run.checkpoint(
          "Reconciliation in progress for revision " + run.artifact().revision(),
          status -> status.setInventory(new ResourceInventory(sorted)));
    }
  }

  StepResult prune(KustomizationRun run) {
    if (!Boolean.TRUE.equals(run.spec().prune()) || run.previousInventory().isEmpty()) {
      return StepResult.proceed();
    }
    ChangeSet pruned =
        run.target()
            .manager()
            .prune(
                Inventories.ids(run.previousInventory()),
                Inventories.skeletons(run.newInventory()),
                run.applyOptions());
    run.pruned(pruned);
    if (!pruned.hasFailures()) {
      return StepResult.proceed();
    }
    List<InventoryEntry> kept = new ArrayList<>(run.newInventory());
    for (ChangeSetEntry failure : pruned.failures()) {
      kept.add(Inventories.entryOf(failure.id()));
    }
    run.newInventory(kept.stream().distinct().toList());
    throw new ReconcileException.Failed(
        ConditionReasons.PRUNE_FAILED,
        "prune failed: "
            + pruned.failures().stream()
                .map(f -> f.id() + ": " + f.error())
                .collect(Collectors.joining("; ")));
  }
}

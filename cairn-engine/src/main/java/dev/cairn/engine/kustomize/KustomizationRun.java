package dev.cairn.engine.kustomize;

import dev.cairn.api.Artifact;
import dev.cairn.api.InventoryEntry;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationSpec;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ChangeSet;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.Trigger;
import dev.cairn.engine.cluster.ClusterTarget;
import dev.cairn.render.RenderedSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The state of one Kustomization reconciliation: the object and what each step produced. */
public final class KustomizationRun extends Run<KustomizationStatus> {
  private final Kustomization object;
  private final Duration timeout;
  private ApplyOptions applyOptions;
  private Artifact artifact;
  private RenderedSet rendered;
  private ChangeSet applied = ChangeSet.empty();
  private ChangeSet pruned = ChangeSet.empty();
  private List<InventoryEntry> newInventory;
  private ClusterTarget target;

  KustomizationRun(
      Kustomization object,
      Trigger trigger,
      KustomizationStatus draft,
      Clock clock,
      ApplyOptions applyOptions) {
    super(
        new ResourceKey(
            "Kustomization", object.getMetadata().getNamespace(), object.getMetadata().getName()),
        generationOf(object),
        trigger,
        draft.getInventory() == null ? List.of() : draft.getInventory().entries(),
        draft,
        clock);
    this.object = object;
    KustomizationSpec spec = object.getSpec();
    Duration interval = KustomizationSpecStep.orNull(spec.interval());
    intervals(interval, KustomizationSpecStep.orNull(spec.retryInterval()));
    Duration limit = KustomizationSpecStep.orNull(spec.timeout());
    this.timeout = limit == null ? interval : limit;
    this.applyOptions = applyOptions;
  }

  private static long generationOf(Kustomization object) {
    Long generation = object.getMetadata().getGeneration();
    return generation == null ? 0L : generation;
  }

  public Kustomization object() {
    return object;
  }

  public KustomizationSpec spec() {
    return object.getSpec();
  }

  /** {@code spec.timeout}, or the interval when absent (Flux's default). */
  public Duration timeout() {
    return timeout;
  }

  public ApplyOptions applyOptions() {
    return applyOptions;
  }

  void applyOptions(ApplyOptions options) {
    this.applyOptions = options;
  }

  /** The source artifact, once resolved. */
  public Artifact artifact() {
    return artifact;
  }

  void artifact(Artifact artifact) {
    this.artifact = artifact;
    loggerContext().put("revision", artifact.revision());
  }

  public RenderedSet rendered() {
    return rendered;
  }

  void rendered(RenderedSet rendered) {
    this.rendered = rendered;
  }

  public ChangeSet applied() {
    return applied;
  }

  void applied(ChangeSet applied) {
    this.applied = applied;
  }

  public ChangeSet pruned() {
    return pruned;
  }

  void pruned(ChangeSet pruned) {
    this.pruned = pruned;
  }

  /** Where apply, prune and health checks go; set by the {@code connect} step. */
  ClusterTarget target() {
    return target;
  }

  void target(ClusterTarget target) {
    this.target = target;
  }

  /** The inventory after apply (and prune), or null when the run did not get that far. */
  public List<InventoryEntry> newInventory() {
    return newInventory;
  }

  void newInventory(List<InventoryEntry> entries) {
    this.newInventory = entries;
  }

  @Override
  public void close() {
    if (target != null) {
      target.close();
    }
  }
}

package dev.cairn.engine.helm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.InventoryEntry;
import dev.cairn.apply.ApplyException;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.ChangeSet;
import dev.cairn.apply.ResourceManager;
import dev.cairn.apply.WaitResult;
import dev.cairn.engine.Inventories;
import dev.cairn.engine.OwnerLabels;
import dev.cairn.engine.WaitProgress;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Puts one revision of a release into the cluster: CRDs (as the CRD policy says), the {@code
 * pre-<event>} hooks (each applied and waited for, in weight order), the main set (validated as a
 * whole by dry-run, then applied in stages), prune of what the previous inventory held and the new
 * set lacks, the health wait, then the {@code post-<event>} hooks. Hooks are recreated on every run
 * (Helm's default {@code before-hook-creation}) and are not part of the inventory; CRDs are never
 * pruned.
 */
final class ReleaseApplier {
  static final String NAME_LABEL = OwnerLabels.HELM_RELEASE_NAME;
  static final String NAMESPACE_LABEL = OwnerLabels.HELM_RELEASE_NAMESPACE;
  static final String DELETE_POLICY = "helm.sh/hook-delete-policy";

  private final ApplyOptions defaults;

  ReleaseApplier(ApplyOptions defaults) {
    this.defaults = defaults;
  }

  /** What a revision left in the cluster. */
  record Deployed(ChangeSet applied, List<InventoryEntry> inventory) {}

  /** A revision that did not become healthy; {@code inventory} is what it left owned. */
  static final class DeployFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<InventoryEntry> inventory;

    DeployFailed(String message, List<InventoryEntry> inventory) {
      super(message);
      this.inventory = List.copyOf(inventory);
    }

    List<InventoryEntry> inventory() {
      return inventory;
    }
  }

  /** The desired state of one revision. {@code event} is install/upgrade, or null for no hooks. */
  record Revision(
      List<KubeObject> objects,
      List<dev.cairn.render.helm.HelmHook> hooks,
      List<KubeObject> crds,
      String event,
      DeploySettings settings) {}

  Deployed deploy(HelmReleaseRun run, Revision revision, List<InventoryEntry> previous) {
    DeploySettings settings = revision.settings();
    ApplyOptions options =
        options(run)
            .withWaitTimeout(settings.timeout())
            .withForce(settings.force() || defaults.force());
    if (settings.createNamespace()) {
      createNamespace(run, run.targetNamespace());
    }
    applyCrds(run, revision.crds());
    runHooks(run, revision, "pre-", previous);
    ChangeSet applied;
    try {
      applied = run.target().manager().apply(revision.objects(), options);
    } catch (ApplyException e) {
      List<InventoryEntry> kept = new ArrayList<>(previous);
      kept.addAll(Inventories.fromChangeSet(e.partial()));
      throw new DeployFailed(e.getMessage(), kept.stream().distinct().toList());
    }
    List<InventoryEntry> inventory = Inventories.fromChangeSet(applied);
    ChangeSet pruned =
        run.target()
            .manager()
            .prune(Inventories.ids(previous), Inventories.skeletons(inventory), options);
    if (pruned.hasFailures()) {
      List<InventoryEntry> kept = new ArrayList<>(inventory);
      pruned.failures().forEach(f -> kept.add(Inventories.entryOf(f.id())));
      throw new DeployFailed(
          "prune failed: "
              + pruned.failures().get(0).id()
              + ": "
              + pruned.failures().get(0).error(),
          kept);
    }
    if (settings.waitForHealth()) {
      awaitMainSet(run, inventory, settings);
    }
    runHooks(run, revision, "post-", inventory);
    return new Deployed(applied.plus(pruned), inventory);
  }

  private void awaitMainSet(
      HelmReleaseRun run, List<InventoryEntry> inventory, DeploySettings settings) {
    String progress =
        "Waiting for the objects of release "
            + run.releaseName()
            + " to be ready, with a timeout of "
            + settings.timeout().toSeconds()
            + "s";
    List<ObjectId> ids =
        Inventories.ids(inventory).stream()
            .filter(id -> settings.waitForJobs() || !isJob(id))
            .toList();
    WaitResult health =
        waitForHealth(
            run, ids, settings.timeout(), WaitProgress.reporting(run, progress, () -> false));
    if (!health.healthy()) {
      throw new DeployFailed(health.message(), inventory);
    }
  }

  private static boolean isJob(ObjectId id) {
    return "batch".equals(id.group()) && "Job".equals(id.kind());
  }

  /** Waits with the default health checks, or with {@code spec.healthCheckExprs} when set. */
  WaitResult waitForHealth(
      HelmReleaseRun run, List<ObjectId> ids, Duration timeout, BooleanSupplier cancelled) {
    if (run.healthChecks() == null) {
      return run.target().manager().waitForHealth(ids, timeout, cancelled);
    }
    try (ResourceManager scoped =
        new ResourceManager(run.target().cluster(), run.healthChecks()::check)) {
      return scoped.waitForHealth(ids, timeout, cancelled);
    }
  }

  /**
   * {@code cleanupOnFail}: deletes what a failed revision created ({@code failed} minus {@code
   * previous}) and returns the inventory left: the previous objects and what could not be deleted.
   */
  List<InventoryEntry> cleanUp(
      HelmReleaseRun run, List<InventoryEntry> failed, List<InventoryEntry> previous) {
    List<InventoryEntry> created = failed.stream().filter(e -> !previous.contains(e)).toList();
    ChangeSet deleted = deleteAll(run, created);
    List<InventoryEntry> left =
        new ArrayList<>(failed.stream().filter(previous::contains).toList());
    deleted.failures().forEach(f -> left.add(Inventories.entryOf(f.id())));
    return left;
  }

  /** Helm's {@code createNamespace}: the namespace is created, never owned nor deleted. */
  private void createNamespace(HelmReleaseRun run, String name) {
    ObjectId id = new ObjectId("", "v1", "Namespace", null, name);
    if (run.target().cluster().get(id).isPresent()) {
      return;
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("apiVersion", "v1").put("kind", "Namespace");
    node.putObject("metadata").put("name", name);
    try {
      run.target().manager().apply(List.of(KubeObject.of(node)), defaults);
    } catch (ApplyException e) {
      throw new DeployFailed("creating namespace " + name + ": " + e.getMessage(), List.of());
    }
  }

  /** Deletes every object of {@code inventory} (reverse kind order), keeping what others took. */
  ChangeSet deleteAll(HelmReleaseRun run, List<InventoryEntry> inventory) {
    Duration timeout =
        ReleaseSpecStep.timeoutOr(
            run.spec().uninstall() == null ? null : run.spec().uninstall().timeout(),
            run.timeout());
    return run.target()
        .manager()
        .prune(Inventories.ids(inventory), List.of(), options(run).withWaitTimeout(timeout));
  }

  ApplyOptions options(HelmReleaseRun run) {
    return defaults
        .withLabels(Map.of(NAME_LABEL, run.key().name(), NAMESPACE_LABEL, run.key().namespace()))
        .withWaitTimeout(run.timeout());
  }

  private void applyCrds(HelmReleaseRun run, List<KubeObject> crds) {
    if (crds.isEmpty()) {
      return;
    }
    try {
      run.target().manager().apply(crds, defaults);
    } catch (ApplyException e) {
      throw new DeployFailed("CRDs: " + e.getMessage(), List.of());
    }
  }

  private void runHooks(
      HelmReleaseRun run, Revision revision, String phase, List<InventoryEntry> inventory) {
    if (revision.event() == null || !revision.settings().runHooks()) {
      return;
    }
    List<dev.cairn.render.helm.HelmHook> hooks =
        revision.hooks().stream()
            .filter(h -> h.runsOn(phase + revision.event()))
            .sorted(Comparator.comparingInt(dev.cairn.render.helm.HelmHook::weight))
            .toList();
    for (dev.cairn.render.helm.HelmHook hook : hooks) {
      KubeObject object = hook.object();
      String policy = object.annotations().getOrDefault(DELETE_POLICY, "before-hook-creation");
      run.target().cluster().delete(object.id());
      try {
        run.target().manager().apply(List.of(object), options(run));
      } catch (ApplyException e) {
        throw new DeployFailed(phase + revision.event() + " hook " + e.getMessage(), inventory);
      }
      WaitResult result =
          waitForHealth(run, List.of(object.id()), revision.settings().timeout(), () -> false);
      if (!result.healthy()) {
        throw new DeployFailed(
            phase + revision.event() + " hook failed: " + result.message(), inventory);
      }
      if (policy.contains("hook-succeeded")) {
        run.target().cluster().delete(object.id());
      }
    }
  }
}

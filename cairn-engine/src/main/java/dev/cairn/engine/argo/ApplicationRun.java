package dev.cairn.engine.argo;

import dev.cairn.api.InventoryEntry;
import dev.cairn.api.argo.AppResourceStatus;
import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.ApplicationSpec;
import dev.cairn.api.argo.ApplicationStatus;
import dev.cairn.api.argo.SyncOperation;
import dev.cairn.apply.ChangeSet;
import dev.cairn.engine.Inventories;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.Trigger;
import dev.cairn.engine.kustomize.ExtractedArtifacts;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import dev.cairn.source.artifact.DirectoryTrees;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The state of one Application reconciliation: the object and what each step produced. */
public final class ApplicationRun extends Run<ApplicationStatus> {
  /** Argo CD's default reconciliation period ({@code timeout.reconciliation}). */
  static final Duration RECONCILIATION = Duration.ofMinutes(3);

  private final Application object;
  private final List<CheckedOutSource> sources = new ArrayList<>();
  private final List<Path> workDirs = new ArrayList<>();
  private final List<ExtractedArtifacts.Lease> leases = new ArrayList<>();
  private List<KubeObject> desired = List.of();
  private List<String> sourceTypes = List.of();
  private SyncPlan plan;
  private ChangeSet applied = ChangeSet.empty();
  private ChangeSet pruned = ChangeSet.empty();
  private boolean synced;
  private boolean syncAttempted;
  private Instant syncStarted;
  private String syncMessage;
  private List<AppResourceStatus> resources;
  private SyncDecision decision = new SyncDecision(false, false, null, false, null);
  private final List<SyncTask> hooksRun = new ArrayList<>();
  private String syncFailure;
  private String healthStatus;
  private String syncStatus;
  private IgnoreRules ignoreRules;
  private ProjectRules projectRules;
  private long retriesSoFar;
  private Instant retryAt;

  ApplicationRun(Application object, Trigger trigger, ApplicationStatus draft, Clock clock) {
    super(
        new ResourceKey(
            "Application", object.getMetadata().getNamespace(), object.getMetadata().getName()),
        object.getMetadata().getGeneration() == null ? 0L : object.getMetadata().getGeneration(),
        trigger,
        inventoryOf(draft),
        draft,
        clock);
    this.object = object;
    intervals(RECONCILIATION, Duration.ofSeconds(5));
  }

  /** The objects the last sync left in the cluster ({@code status.resources}, hooks excluded). */
  private static List<InventoryEntry> inventoryOf(ApplicationStatus status) {
    if (status.getResources() == null) {
      return List.of();
    }
    return status.getResources().stream()
        .filter(r -> !Boolean.TRUE.equals(r.hook()))
        .map(
            r ->
                Inventories.entryOf(
                    new ObjectId(
                        r.group() == null ? "" : r.group(),
                        r.version(),
                        r.kind(),
                        r.namespace(),
                        r.name())))
        .toList();
  }

  public Application object() {
    return object;
  }

  public ApplicationSpec spec() {
    return object.getSpec();
  }

  /** The spec's {@code ignoreDifferences}. */
  IgnoreRules ignoreRules() {
    if (ignoreRules == null) {
      ignoreRules = new IgnoreRules(object.getSpec().ignoreDifferences());
    }
    return ignoreRules;
  }

  /** The project's rules once read in this run, else null. */
  ProjectRules projectRules() {
    return projectRules;
  }

  void projectRules(ProjectRules rules) {
    this.projectRules = rules;
  }

  String name() {
    return object.getMetadata().getName();
  }

  /** The requested sync ({@code operation.sync}), or null when none is pending. */
  SyncOperation requestedSync() {
    return object.getOperation() == null ? null : object.getOperation().sync();
  }

  /** True when the requested sync is a dry run: nothing is applied, pruned or run. */
  boolean dryRun() {
    SyncOperation requested = requestedSync();
    return decision.sync() && requested != null && Boolean.TRUE.equals(requested.dryRun());
  }

  /** True when the requested sync names only some resources ({@code operation.sync.resources}). */
  boolean partial() {
    SyncOperation requested = requestedSync();
    return decision.sync()
        && requested != null
        && requested.resources() != null
        && !requested.resources().isEmpty();
  }

  /** {@code spec.syncPolicy.syncOptions}, then the requested sync's {@code syncOptions}. */
  List<String> syncOptions() {
    List<String> options = new ArrayList<>(spec().syncOptions());
    SyncOperation requested = requestedSync();
    if (requested != null && requested.syncOptions() != null) {
      requested.syncOptions().forEach(o -> options.add(o.strip()));
    }
    return options;
  }

  List<CheckedOutSource> sources() {
    return sources;
  }

  void addSource(CheckedOutSource source) {
    sources.add(source);
  }

  /** A directory this run owns; deleted when the run closes. */
  void ownWorkDir(Path dir) {
    workDirs.add(dir);
  }

  /** A shared checkout this run reads; released (not deleted) when the run closes. */
  void holdLease(ExtractedArtifacts.Lease lease) {
    leases.add(lease);
  }

  /** The revisions of the sources, in spec order. */
  List<String> revisions() {
    return sources.stream().map(CheckedOutSource::revision).toList();
  }

  List<KubeObject> desired() {
    return desired;
  }

  void desired(List<KubeObject> objects, List<String> types) {
    this.desired = List.copyOf(objects);
    this.sourceTypes = List.copyOf(types);
  }

  List<String> sourceTypes() {
    return sourceTypes;
  }

  SyncPlan plan() {
    return plan;
  }

  void plan(SyncPlan plan) {
    this.plan = plan;
  }

  ChangeSet applied() {
    return applied;
  }

  void addApplied(ChangeSet more) {
    this.applied = applied.plus(more);
  }

  ChangeSet pruned() {
    return pruned;
  }

  void pruned(ChangeSet pruned) {
    this.pruned = pruned;
  }

  /** True when this run synced (applied) the desired state. */
  boolean synced() {
    return synced;
  }

  void markSynced() {
    this.synced = true;
  }

  boolean syncAttempted() {
    return syncAttempted;
  }

  void startSync(Instant at) {
    this.syncAttempted = true;
    this.syncStarted = at;
  }

  Instant syncStarted() {
    return syncStarted;
  }

  String syncMessage() {
    return syncMessage;
  }

  void syncMessage(String message) {
    this.syncMessage = message;
  }

  List<AppResourceStatus> resources() {
    return resources;
  }

  void resources(List<AppResourceStatus> value) {
    this.resources = value;
  }

  SyncDecision decision() {
    return decision;
  }

  void decision(SyncDecision value) {
    this.decision = value;
  }

  List<SyncTask> hooksRun() {
    return hooksRun;
  }

  void hooksRun(List<SyncTask> hooks) {
    hooksRun.addAll(hooks);
  }

  /** True when a sync ran (or, for a dry run, was assessed) without a failure. */
  boolean syncSucceeded() {
    return syncAttempted && syncFailure == null && (synced || dryRun());
  }

  /** Why the sync failed, or null. */
  String syncFailure() {
    return syncFailure;
  }

  void syncFailed(String message) {
    this.syncFailure = message;
  }

  /** The retries the sync this run attempts had before it. */
  long retriesSoFar() {
    return retriesSoFar;
  }

  void retriesSoFar(long value) {
    this.retriesSoFar = value;
  }

  /** When the failed sync of this run is attempted again, or null when it is not. */
  Instant retryAt() {
    return retryAt;
  }

  void retryAt(Instant at) {
    this.retryAt = at;
  }

  /** The Application's health ({@code Healthy}, ...) once assessed, else null. */
  String healthStatus() {
    return healthStatus;
  }

  /** {@code Synced} or {@code OutOfSync} once assessed, else null. */
  String syncStatus() {
    return syncStatus;
  }

  void assessed(String sync, String health) {
    this.syncStatus = sync;
    this.healthStatus = health;
  }

  @Override
  public void close() {
    for (Path dir : workDirs) {
      DirectoryTrees.deleteQuietly(dir);
    }
    leases.forEach(ExtractedArtifacts.Lease::close);
  }
}

package dev.cairn.engine.helm;

import dev.cairn.api.Artifact;
import dev.cairn.api.InventoryEntry;
import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.helm.HelmReleaseSpec;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.apply.ChangeSet;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.Trigger;
import dev.cairn.engine.cluster.ClusterTarget;
import dev.cairn.health.HealthChecks;
import dev.cairn.render.helm.HelmRender;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The state of one HelmRelease reconciliation: the object and what each step produced. */
public final class HelmReleaseRun extends Run<HelmReleaseStatus> {
  private final HelmRelease object;
  private Duration timeout;
  private String releaseName;
  private String targetNamespace;
  private String storageNamespace;
  private Artifact artifact;
  private String chartName;
  private Map<String, Object> values = Map.of();
  private String configDigest;
  private HelmRender render;
  private boolean forceRequested;
  private HealthChecks healthChecks;
  private ClusterTarget target;
  private ReleaseStorage storage;
  private ChangeSet applied = ChangeSet.empty();
  private List<InventoryEntry> newInventory;
  private String event;
  private String warning;

  HelmReleaseRun(HelmRelease object, Trigger trigger, HelmReleaseStatus draft, Clock clock) {
    super(
        new ResourceKey(
            "HelmRelease", object.getMetadata().getNamespace(), object.getMetadata().getName()),
        object.getMetadata().getGeneration() == null ? 0L : object.getMetadata().getGeneration(),
        trigger,
        draft.getInventory() == null ? List.of() : draft.getInventory().entries(),
        draft,
        clock);
    this.object = object;
  }

  public HelmRelease object() {
    return object;
  }

  public HelmReleaseSpec spec() {
    return object.getSpec();
  }

  /** {@code spec.timeout}, 5 minutes when absent (Helm's default). */
  public Duration timeout() {
    return timeout;
  }

  void timing(Duration interval, Duration timeout) {
    intervals(interval, null);
    this.timeout = timeout;
  }

  public String releaseName() {
    return releaseName;
  }

  public String targetNamespace() {
    return targetNamespace;
  }

  public String storageNamespace() {
    return storageNamespace;
  }

  void release(String name, String target, String storage) {
    this.releaseName = name;
    this.targetNamespace = target;
    this.storageNamespace = storage;
    loggerContext().put("release", target + "/" + name);
  }

  /** The chart artifact (a HelmChart's), once resolved. */
  public Artifact artifact() {
    return artifact;
  }

  public String chartName() {
    return chartName;
  }

  void chart(Artifact artifact, String chartName) {
    this.artifact = artifact;
    this.chartName = chartName;
    loggerContext().put("revision", artifact.revision());
  }

  /** The user-supplied values (valuesFrom, then values); never logged. */
  public Map<String, Object> values() {
    return values;
  }

  public String configDigest() {
    return configDigest;
  }

  void values(Map<String, Object> values, String digest) {
    this.values = values;
    this.configDigest = digest;
  }

  public HelmRender render() {
    return render;
  }

  void render(HelmRender render) {
    this.render = render;
  }

  /** True when {@code reconcile.cairn.dev/forceAt} asks for a release action this run. */
  public boolean forceRequested() {
    return forceRequested;
  }

  void forceRequested(boolean value) {
    this.forceRequested = value;
  }

  /** The health checks with {@code spec.healthCheckExprs}, or null when none are set. */
  public HealthChecks healthChecks() {
    return healthChecks;
  }

  void healthChecks(HealthChecks checks) {
    this.healthChecks = checks;
  }

  /** Where the release's objects and Helm storage go; set by the {@code connect} step. */
  public ClusterTarget target() {
    return target;
  }

  /** The release Secrets, read and written with the target's client. */
  ReleaseStorage storage() {
    return storage;
  }

  void target(ClusterTarget target) {
    this.target = target;
    this.storage = new ReleaseStorage(target.client());
  }

  @Override
  public void close() {
    if (target != null) {
      target.close();
    }
  }

  public ChangeSet applied() {
    return applied;
  }

  void applied(ChangeSet applied) {
    this.applied = applied;
  }

  /** The inventory after the release action, or null when the run did not change it. */
  public List<InventoryEntry> newInventory() {
    return newInventory;
  }

  void newInventory(List<InventoryEntry> entries) {
    this.newInventory = entries;
  }

  /** A Normal event to write after the run (e.g. the release action that succeeded), or null. */
  public String event() {
    return event;
  }

  void event(String message) {
    this.event = message;
  }

  /** A Warning event to write after the run even when it succeeds (drift in warn mode), or null. */
  public String warning() {
    return warning;
  }

  void warning(String message) {
    this.warning = message;
  }
}

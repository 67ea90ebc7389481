package dev.cairn.engine.source;

import dev.cairn.api.Artifact;
import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmChartSpec;
import dev.cairn.api.source.HelmChartStatus;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.Trigger;
import dev.cairn.source.helm.HelmChartResult;
import dev.cairn.source.helm.HelmRepositoryEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The state of one HelmChart reconciliation. */
public final class HelmChartRun extends Run<HelmChartStatus> {
  private final HelmChart object;
  private HelmRepository repository;
  private Artifact sourceArtifact;
  private HelmRepositoryEndpoint request;
  private HelmChartResult built;

  HelmChartRun(
      HelmChart object, Trigger trigger, HelmChartStatus draft, Duration interval, Clock clock) {
    super(
        new ResourceKey(
            "HelmChart", object.getMetadata().getNamespace(), object.getMetadata().getName()),
        object.getMetadata().getGeneration() == null ? 0L : object.getMetadata().getGeneration(),
        trigger,
        List.of(),
        draft,
        clock);
    this.object = object;
    intervals(interval, null);
  }

  public HelmChart object() {
    return object;
  }

  public HelmChartSpec spec() {
    return object.getSpec();
  }

  /** The HelmRepository the chart comes from; null for a chart from a GitRepository. */
  HelmRepository repository() {
    return repository;
  }

  void repository(HelmRepository repository) {
    this.repository = repository;
  }

  /** The source's artifact (index or Git tree); null for an OCI HelmRepository. */
  Artifact sourceArtifact() {
    return sourceArtifact;
  }

  void sourceArtifact(Artifact artifact) {
    this.sourceArtifact = artifact;
  }

  /** The repository request with credentials; never logged. */
  HelmRepositoryEndpoint request() {
    return request;
  }

  void request(HelmRepositoryEndpoint request) {
    this.request = request;
  }

  /** The chart as stored; null until the build step succeeded. */
  public HelmChartResult built() {
    return built;
  }

  void built(HelmChartResult built) {
    this.built = built;
    loggerContext().put("revision", built.version());
  }
}

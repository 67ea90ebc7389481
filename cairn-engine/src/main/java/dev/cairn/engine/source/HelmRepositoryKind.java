package dev.cairn.engine.source;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.HelmRepositorySpec;
import dev.cairn.api.source.HelmRepositoryStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.FieldRefusal;
import dev.cairn.engine.KindDefinition;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.RunOutcome;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.Trigger;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The HelmRepository kind: {@code checkSpec → readCredentials → fetchIndex → recordArtifact}.
 * {@code type: default} stores index.yaml as the artifact (revision = index digest); a failed fetch
 * keeps the last good artifact. {@code type: oci} has no index and no artifact, as in Flux: once
 * its URL is valid it is Ready with "Helm repository is Ready".
 */
public final class HelmRepositoryKind
    implements KindDefinition<HelmRepository, HelmRepositoryStatus, HelmRepositoryRun> {
  static final String OCI_READY_MESSAGE = "Helm repository is Ready";

  private final HelmRepositoryFetcher fetcher;
  private final HelmRepositoryAccess access;
  private final EventRecorder events;
  private final SourceArtifacts artifacts;

  /**
   * @param artifactBaseUrl where consumers download artifacts; the artifact path is appended
   */
  public HelmRepositoryKind(
      KubernetesClient client,
      HelmRepositoryFetcher fetcher,
      EventRecorder events,
      String artifactBaseUrl) {
    this.fetcher = fetcher;
    this.access = new HelmRepositoryAccess(client);
    this.events = events;
    this.artifacts = new SourceArtifacts(artifactBaseUrl);
  }

  /** The HelmRepository reconciler: this kind on the engine's skeleton. */
  public static StepReconciler<HelmRepository, HelmRepositoryStatus, HelmRepositoryRun> reconciler(
      KubernetesClient client,
      HelmRepositoryFetcher fetcher,
      EventRecorder events,
      String artifactBaseUrl,
      Clock clock) {
    return new StepReconciler<>(
        client, new HelmRepositoryKind(client, fetcher, events, artifactBaseUrl), clock);
  }

  @Override
  public Class<HelmRepository> resourceClass() {
    return HelmRepository.class;
  }

  @Override
  public HelmRepositoryStatus emptyStatus() {
    return new HelmRepositoryStatus();
  }

  @Override
  public HelmRepositoryRun newRun(
      HelmRepository object, Trigger trigger, HelmRepositoryStatus draft, Clock clock) {
    return new HelmRepositoryRun(object, trigger, draft, clock);
  }

  @Override
  public boolean suspended(HelmRepository object) {
    return Boolean.TRUE.equals(object.getSpec().suspend());
  }

  @Override
  public List<Step<HelmRepositoryRun>> steps() {
    return List.of(
        Step.of("checkSpec", HelmRepositoryKind::checkSpec),
        Step.of("readCredentials", this::readCredentials),
        Step.of("fetchIndex", this::fetchIndex),
        Step.of("recordArtifact", this::recordArtifact));
  }

  @Override
  public List<FieldRefusal> refusedFields() {
    return SourceRefusals.HELM_REPOSITORY;
  }

  @Override
  public String successReason() {
    return ConditionReasons.SUCCEEDED;
  }

  @Override
  public Set<String> ownedConditions() {
    return Set.of(ConditionTypes.FETCH_FAILED, ConditionTypes.ARTIFACT_IN_STORAGE);
  }

  @Override
  public void announce(HelmRepositoryRun run, RunOutcome outcome, HelmRepositoryStatus before) {
    Artifact now = run.status().getArtifact();
    SourceArtifacts.announce(
        events,
        run.object(),
        outcome,
        before,
        before == null ? null : before.getArtifact(),
        now,
        ConditionReasons.NEW_ARTIFACT,
        now == null ? "" : "stored fetched index from '" + run.object().getSpec().url() + "'");
  }

  private static Duration interval(HelmRepositorySpec spec) {
    return FluxDuration.parseOrNull(spec.interval());
  }

  private static StepResult checkSpec(HelmRepositoryRun run) {
    HelmRepositorySpec spec = run.object().getSpec();
    boolean oci = HelmRepositoryAccess.isOci(spec);
    Duration interval = interval(spec);
    if (interval == null && (!oci || spec.interval() != null)) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC,
          "spec.interval '" + spec.interval() + "' is not a duration");
    }
    run.intervals(interval, null);
    if (HelmRepositoryAccess.timeout(spec) == null) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC, "spec.timeout '" + spec.timeout() + "' is not a duration");
    }
    String scheme = scheme(spec.url());
    if (oci ? !"oci".equals(scheme) : !("http".equals(scheme) || "https".equals(scheme))) {
      throw new ReconcileException.Stalled(
          ConditionReasons.URL_INVALID,
          oci
              ? "invalid OCI registry URL: '" + spec.url() + "' must start with oci://"
              : "invalid Helm repository URL: '" + spec.url() + "' must be http(s)://");
    }
    return StepResult.proceed();
  }

  private static String scheme(String url) {
    try {
      URI uri = new URI(url == null ? "" : url.strip());
      return uri.getHost() == null ? null : uri.getScheme();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private StepResult readCredentials(HelmRepositoryRun run) {
    run.request(access.request(run.object()));
    return StepResult.proceed();
  }

  private StepResult fetchIndex(HelmRepositoryRun run) {
    if (HelmRepositoryAccess.isOci(run.object().getSpec())) {
      return StepResult.proceed();
    }
    SourceKey key = new SourceKey("helmrepository", run.key().namespace(), run.key().name());
    try {
      run.fetched(fetcher.fetchIndex(key, run.request()));
      run.own(OwnedCondition.removed(ConditionTypes.FETCH_FAILED));
      return StepResult.proceed();
    } catch (SourceException e) {
      String reason = e.reason().conditionReason();
      String message = "failed to fetch Helm repository index: " + e.getMessage();
      run.own(OwnedCondition.isTrue(ConditionTypes.FETCH_FAILED, reason, message));
      throw new ReconcileException.Failed(reason, message);
    }
  }

  private StepResult recordArtifact(HelmRepositoryRun run) {
    if (run.fetched() == null) {
      run.status().setArtifact(null);
      run.status().setUrl(null);
      run.own(OwnedCondition.removed(ConditionTypes.FETCH_FAILED));
      run.own(OwnedCondition.removed(ConditionTypes.ARTIFACT_IN_STORAGE));
      run.succeedWith(OCI_READY_MESSAGE);
      return StepResult.proceed();
    }
    Artifact artifact = artifacts.toStatus(run.fetched().artifact(), run.fetched().digest());
    run.status().setArtifact(artifact);
    run.status().setUrl(artifact.url());
    String message = "stored artifact: revision '" + artifact.revision() + "'";
    run.own(
        OwnedCondition.isTrue(
            ConditionTypes.ARTIFACT_IN_STORAGE, ConditionReasons.SUCCEEDED, message));
    run.succeedWith(message);
    return StepResult.proceed();
  }
}

package dev.cairn.engine.source;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.source.OCIRepository;
import dev.cairn.api.source.OciLayerOperation;
import dev.cairn.api.source.OciLayerSelector;
import dev.cairn.api.source.OciRepositoryRef;
import dev.cairn.api.source.OciRepositorySpec;
import dev.cairn.api.source.OciRepositoryStatus;
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
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import dev.cairn.source.oci.OciArtifactFetcher;
import dev.cairn.source.oci.OciArtifactRequest;
import dev.cairn.source.oci.OciArtifactResult;
import dev.cairn.source.oci.OciRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The OCIRepository kind: {@code checkSpec → readCredentials → fetch → recordArtifact}, as Flux's
 * source-controller. The revision is {@code <tag>@sha256:<manifest digest>} ({@code
 * sha256:<digest>} for a digest ref); the artifact's metadata is the manifest's annotations. An
 * unchanged revision with the same ignore rules and layer selector is not downloaded again. A
 * failed fetch keeps the last good artifact. {@code spec.verify}, {@code provider} other than
 * generic, {@code serviceAccountName} and {@code proxySecretRef} stall: ignoring them would change
 * what deploys.
 */
public final class OCIRepositoryKind
    implements KindDefinition<OCIRepository, OciRepositoryStatus, OciRepositoryRun> {
  private final OciArtifactFetcher fetcher;
  private final OciRepositoryAccess access;
  private final EventRecorder events;
  private final SourceArtifacts artifacts;

  /**
   * @param artifactBaseUrl where consumers download artifacts; the artifact path is appended
   */
  public OCIRepositoryKind(
      KubernetesClient client,
      OciArtifactFetcher fetcher,
      EventRecorder events,
      String artifactBaseUrl) {
    this.fetcher = fetcher;
    this.access = new OciRepositoryAccess(client);
    this.events = events;
    this.artifacts = new SourceArtifacts(artifactBaseUrl);
  }

  /** The OCIRepository reconciler: this kind on the engine's skeleton. */
  public static StepReconciler<OCIRepository, OciRepositoryStatus, OciRepositoryRun> reconciler(
      KubernetesClient client,
      OciArtifactFetcher fetcher,
      EventRecorder events,
      String artifactBaseUrl,
      Clock clock) {
    return new StepReconciler<>(
        client, new OCIRepositoryKind(client, fetcher, events, artifactBaseUrl), clock);
  }

  @Override
  public Class<OCIRepository> resourceClass() {
    return OCIRepository.class;
  }

  @Override
  public OciRepositoryStatus emptyStatus() {
    return new OciRepositoryStatus();
  }

  @Override
  public OciRepositoryRun newRun(
      OCIRepository object, Trigger trigger, OciRepositoryStatus draft, Clock clock) {
    return new OciRepositoryRun(object, trigger, draft, clock);
  }

  @Override
  public boolean suspended(OCIRepository object) {
    return Boolean.TRUE.equals(object.getSpec().suspend());
  }

  @Override
  public List<Step<OciRepositoryRun>> steps() {
    return List.of(
        Step.of("checkSpec", OCIRepositoryKind::checkSpec),
        Step.of("readCredentials", this::readCredentials),
        Step.of("fetch", this::fetch),
        Step.of("recordArtifact", this::recordArtifact));
  }

  @Override
  public List<FieldRefusal> refusedFields() {
    return SourceRefusals.OCI_REPOSITORY;
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
  public void announce(OciRepositoryRun run, RunOutcome outcome, OciRepositoryStatus before) {
    Artifact now = run.status().getArtifact();
    SourceArtifacts.announce(
        events,
        run.object(),
        outcome,
        before,
        before == null ? null : before.getArtifact(),
        now,
        ConditionReasons.NEW_ARTIFACT,
        now == null
            ? ""
            : "stored artifact with revision '"
                + now.revision()
                + "' from '"
                + run.object().getSpec().url()
                + "'");
  }

  private static StepResult checkSpec(OciRepositoryRun run) {
    OciRepositorySpec spec = run.object().getSpec();
    run.intervals(duration("spec.interval", spec.interval(), null), null);
    run.timeout(duration("spec.timeout", spec.timeout(), Duration.ofSeconds(60)));
    if (spec.url() == null || !spec.url().strip().startsWith("oci://")) {
      throw new ReconcileException.Stalled(
          ConditionReasons.URL_INVALID,
          "invalid OCI repository URL: '" + spec.url() + "' must start with oci://");
    }
    return StepResult.proceed();
  }

  private static Duration duration(String field, String value, Duration fallback) {
    if ((value == null || value.isBlank()) && fallback != null) {
      return fallback;
    }
    try {
      return FluxDuration.parse(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC, field + " '" + value + "' is not a duration");
    }
  }

  private StepResult readCredentials(OciRepositoryRun run) {
    OciRepositorySpec spec = run.object().getSpec();
    String namespace = run.key().namespace();
    run.access(access.credentials(namespace, spec), access.tls(namespace, spec));
    return StepResult.proceed();
  }

  private StepResult fetch(OciRepositoryRun run) {
    OciRepositorySpec spec = run.object().getSpec();
    OciLayerSelector selector = spec.layerSelector();
    OciArtifactRequest request =
        OciArtifactRequest.of(spec.url())
            .withRef(ref(spec.ref()))
            .withLayer(
                selector == null ? null : selector.mediaType(),
                selector != null && selector.operation() == OciLayerOperation.COPY)
            .withCredentials(run.credentials())
            .withTls(run.tls())
            .withInsecure(Boolean.TRUE.equals(spec.insecure()))
            .withTimeout(run.timeout())
            .withIgnore(
                spec.ignore() == null ? List.of() : Arrays.asList(spec.ignore().split("\n")));
    SourceKey key = new SourceKey("ocirepository", run.key().namespace(), run.key().name());
    OciRepositoryStatus previous = run.status();
    try {
      run.fetched(fetcher.fetch(key, request, revision -> unchanged(previous, spec, revision)));
      run.own(OwnedCondition.removed(ConditionTypes.FETCH_FAILED));
      return StepResult.proceed();
    } catch (SourceException e) {
      String reason = e.reason().conditionReason();
      run.own(OwnedCondition.isTrue(ConditionTypes.FETCH_FAILED, reason, e.getMessage()));
      if (e.reason() == SourceReason.URL_INVALID || e.reason() == SourceReason.INVALID_SPEC) {
        throw new ReconcileException.Stalled(reason, e.getMessage());
      }
      throw new ReconcileException.Failed(reason, e.getMessage());
    }
  }

  /** True when the status already holds {@code revision} built with the current spec. */
  private static boolean unchanged(OciRepositoryStatus status, OciRepositorySpec spec, String rev) {
    Artifact artifact = status.getArtifact();
    return artifact != null
        && artifact.revision().equals(rev)
        && Objects.equals(status.getObservedIgnore(), spec.ignore())
        && Objects.equals(status.getObservedLayerSelector(), spec.layerSelector());
  }

  private StepResult recordArtifact(OciRepositoryRun run) {
    OciArtifactResult fetched = run.fetched();
    StoredArtifact stored = fetched.artifact();
    Artifact artifact =
        new Artifact(
            stored.path(),
            artifacts.url(stored.path()),
            fetched.revision(),
            stored.digest(),
            DateTimeFormatter.ISO_INSTANT.format(stored.lastUpdateTime()),
            stored.size(),
            fetched.annotations().isEmpty() ? null : fetched.annotations());
    OciRepositorySpec spec = run.object().getSpec();
    run.status().setArtifact(artifact);
    run.status().setUrl(artifact.url());
    run.status().setObservedIgnore(spec.ignore());
    run.status().setObservedLayerSelector(spec.layerSelector());
    String message = "stored artifact for digest '" + artifact.revision() + "'";
    run.own(
        OwnedCondition.isTrue(
            ConditionTypes.ARTIFACT_IN_STORAGE, ConditionReasons.SUCCEEDED, message));
    run.succeedWith(message);
    return StepResult.proceed();
  }

  private static OciRef ref(OciRepositoryRef ref) {
    if (ref == null) {
      return OciRef.defaults();
    }
    return new OciRef(ref.tag(), ref.semver(), ref.semverFilter(), ref.digest());
  }
}

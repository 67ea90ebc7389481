package dev.cairn.engine.source;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.GitRepositoryRef;
import dev.cairn.api.source.GitRepositorySpec;
import dev.cairn.api.source.GitRepositoryStatus;
import dev.cairn.engine.AwaitArtifactStep;
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
import dev.cairn.source.git.GitFetchResult;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.source.git.GitRef;
import dev.cairn.source.git.GitSourceSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The GitRepository kind: {@code checkSpec → readCredentials → readVerificationKeys →
 * resolveIncludes → fetch → recordArtifact}. A failed fetch keeps the last good artifact in status;
 * Ready=False carries Flux's reason ({@code GitOperationFailed}, {@code AuthenticationFailed},
 * {@code ArtifactFailed}, ...). Failures are retried at the interval.
 */
public final class GitRepositoryKind
    implements KindDefinition<GitRepository, GitRepositoryStatus, GitRepositoryRun> {
  private final GitFetcher fetcher;
  private final GitCredentialsReader secrets;
  private final VerificationKeys verificationKeys;
  private final IncludesStep includes;
  private final EventRecorder events;
  private final String artifactBaseUrl;

  /**
   * @param artifactBaseUrl where consumers download artifacts; the artifact path is appended
   */
  public GitRepositoryKind(
      KubernetesClient client, GitFetcher fetcher, EventRecorder events, String artifactBaseUrl) {
    this.fetcher = fetcher;
    this.secrets = new GitCredentialsReader(client);
    this.verificationKeys = new VerificationKeys(client);
    this.includes = new IncludesStep(client, new AwaitArtifactStep(fetcher.store()));
    this.events = events;
    this.artifactBaseUrl = artifactBaseUrl.endsWith("/") ? artifactBaseUrl : artifactBaseUrl + "/";
  }

  /** The GitRepository reconciler: this kind on the engine's skeleton. */
  public static StepReconciler<GitRepository, GitRepositoryStatus, GitRepositoryRun> reconciler(
      KubernetesClient client,
      GitFetcher fetcher,
      EventRecorder events,
      String artifactBaseUrl,
      Clock clock) {
    return new StepReconciler<>(
        client, new GitRepositoryKind(client, fetcher, events, artifactBaseUrl), clock);
  }

  @Override
  public Class<GitRepository> resourceClass() {
    return GitRepository.class;
  }

  @Override
  public GitRepositoryStatus emptyStatus() {
    return new GitRepositoryStatus();
  }

  @Override
  public GitRepositoryRun newRun(
      GitRepository object, Trigger trigger, GitRepositoryStatus draft, Clock clock) {
    return new GitRepositoryRun(object, trigger, draft, clock);
  }

  @Override
  public boolean suspended(GitRepository object) {
    return Boolean.TRUE.equals(object.getSpec().suspend());
  }

  @Override
  public List<Step<GitRepositoryRun>> steps() {
    return List.of(
        Step.of("checkSpec", GitRepositoryKind::checkSpec),
        Step.of("readCredentials", this::readCredentials),
        Step.of("readVerificationKeys", this::readVerificationKeys),
        Step.of("resolveIncludes", run -> includes.resolveIncludes(run, run.interval())),
        Step.of("fetch", this::fetch),
        Step.of("recordArtifact", this::recordArtifact));
  }

  @Override
  public List<FieldRefusal> refusedFields() {
    return SourceRefusals.GIT_REPOSITORY;
  }

  @Override
  public String successReason() {
    return ConditionReasons.SUCCEEDED;
  }

  @Override
  public Set<String> ownedConditions() {
    return Set.of(
        ConditionTypes.FETCH_FAILED,
        ConditionTypes.SOURCE_VERIFIED,
        ConditionTypes.ARTIFACT_IN_STORAGE,
        ConditionTypes.INCLUDE_UNAVAILABLE);
  }

  @Override
  public void announce(GitRepositoryRun run, RunOutcome outcome, GitRepositoryStatus before) {
    Artifact now = run.status().getArtifact();
    Artifact previous = before == null ? null : before.getArtifact();
    SourceArtifacts.announce(
        events,
        run.object(),
        outcome,
        before,
        previous,
        now,
        ConditionReasons.NEW_ARTIFACT,
        now == null ? "" : "stored artifact for commit '" + now.revision() + "'");
  }

  private static Duration interval(GitRepositorySpec spec) {
    return FluxDuration.parseOrNull(spec.interval());
  }

  private static StepResult checkSpec(GitRepositoryRun run) {
    GitRepositorySpec spec = run.object().getSpec();
    Duration interval = interval(spec);
    if (interval == null) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC,
          "spec.interval '" + spec.interval() + "' is not a duration");
    }
    run.intervals(interval, null);
    return StepResult.proceed();
  }

  private StepResult readCredentials(GitRepositoryRun run) {
    GitRepositorySpec spec = run.object().getSpec();
    if (spec.secretRef() != null) {
      GitCredentialsReader.GitSecret secret =
          secrets.read(
              run.key().namespace(), spec.secretRef().name(), spec.url().startsWith("ssh://"));
      run.credentials(secret.credentials());
      run.tls(secret.tls());
    }
    return StepResult.proceed();
  }

  private StepResult readVerificationKeys(GitRepositoryRun run) {
    GitRepositorySpec spec = run.object().getSpec();
    if (spec.verify() == null) {
      run.own(OwnedCondition.removed(ConditionTypes.SOURCE_VERIFIED));
      return StepResult.proceed();
    }
    try {
      run.verify(verificationKeys.read(run.key().namespace(), spec.verify()));
    } catch (ReconcileException e) {
      run.own(OwnedCondition.isFalse(ConditionTypes.SOURCE_VERIFIED, e.reason(), e.getMessage()));
      throw e;
    }
    return StepResult.proceed();
  }

  private StepResult fetch(GitRepositoryRun run) {
    GitRepositorySpec spec = run.object().getSpec();
    GitSourceSpec request =
        GitSourceSpec.of(spec.url())
            .withRef(ref(spec.ref()))
            .withTimeout(FluxDuration.parse(spec.timeout() == null ? "60s" : spec.timeout()))
            .withCredentials(run.credentials())
            .withTls(run.tls())
            .withIgnore(
                spec.ignore() == null ? List.of() : Arrays.asList(spec.ignore().split("\n")))
            .withVerify(run.verify())
            .withSparseCheckout(spec.sparseCheckout())
            .withRecurseSubmodules(Boolean.TRUE.equals(spec.recurseSubmodules()));
    SourceKey key = new SourceKey("gitrepository", run.key().namespace(), run.key().name());
    try {
      GitFetchResult result = fetcher.fetch(key, request, run.includes());
      run.fetched(result);
      run.own(OwnedCondition.removed(ConditionTypes.FETCH_FAILED));
      if (run.verify() != null) {
        run.own(
            OwnedCondition.isTrue(
                ConditionTypes.SOURCE_VERIFIED,
                ConditionReasons.SUCCEEDED,
                "verified signature of " + String.join(" and ", result.verified())));
      }
      return StepResult.proceed();
    } catch (SourceException e) {
      String reason = e.reason().conditionReason();
      run.own(OwnedCondition.isTrue(ConditionTypes.FETCH_FAILED, reason, e.getMessage()));
      if (e.reason() == SourceReason.INVALID_COMMIT_SIGNATURE) {
        run.own(OwnedCondition.isFalse(ConditionTypes.SOURCE_VERIFIED, reason, e.getMessage()));
      }
      throw new ReconcileException.Failed(reason, e.getMessage());
    }
  }

  private StepResult recordArtifact(GitRepositoryRun run) {
    StoredArtifact stored = run.fetched().artifact();
    Artifact artifact =
        new Artifact(
            stored.path(),
            artifactBaseUrl + stored.path(),
            run.fetched().revision(),
            stored.digest(),
            DateTimeFormatter.ISO_INSTANT.format(stored.lastUpdateTime()),
            stored.size(),
            null);
    run.status().setArtifact(artifact);
    GitRepositorySpec spec = run.object().getSpec();
    boolean including = spec.include() != null && !spec.include().isEmpty();
    run.status().setIncludedArtifacts(including ? run.includedArtifacts() : null);
    run.status().setObservedInclude(including ? spec.include() : null);
    run.status()
        .setObservedRecurseSubmodules(
            Boolean.TRUE.equals(spec.recurseSubmodules()) ? Boolean.TRUE : null);
    run.status()
        .setObservedSparseCheckout(
            spec.sparseCheckout() == null || spec.sparseCheckout().isEmpty()
                ? null
                : spec.sparseCheckout());
    run.status()
        .setSourceVerificationMode(
            run.verify() == null ? null : VerificationKeys.spelling(run.verify().mode()));
    run.own(
        OwnedCondition.isTrue(
            ConditionTypes.ARTIFACT_IN_STORAGE,
            ConditionReasons.SUCCEEDED,
            "stored artifact for revision '" + artifact.revision() + "'"));
    run.succeedWith("stored artifact for revision '" + artifact.revision() + "'");
    return StepResult.proceed();
  }

  private static GitRef ref(GitRepositoryRef ref) {
    if (ref == null) {
      return GitRef.defaults();
    }
    return new GitRef(ref.branch(), ref.tag(), ref.semver(), ref.name(), ref.commit());
  }
}

package dev.cairn.engine.source;

import dev.cairn.api.Artifact;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.source.GitProvider;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.GitRepositoryRef;
import dev.cairn.api.source.GitRepositorySpec;
import dev.cairn.api.source.GitRepositoryStatus;
import dev.cairn.engine.ArtifactArrival;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.KindReconciler;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.RunOutcome;
import dev.cairn.engine.StatusSummarizer;
import dev.cairn.engine.StatusWriter;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.StepRunner;
import dev.cairn.engine.Trigger;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import dev.cairn.source.git.GitFetchResult;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.source.git.GitRef;
import dev.cairn.source.git.GitSourceSpec;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reconciles a GitRepository: {@code checkSuspend → checkSpec → readCredentials →
 * readVerificationKeys → resolveIncludes → fetch → recordArtifact}. A failed fetch keeps the last
 * good artifact in status; Ready=False carries Flux's reason ({@code GitOperationFailed}, {@code
 * AuthenticationFailed}, {@code ArtifactFailed}, ...). Failures are retried at the interval.
 */
public final class GitRepositoryReconciler
    implements KindReconciler<GitRepository, GitRepositoryStatus> {
  private final KubernetesClient client;
  private final GitFetcher fetcher;
  private final GitCredentialsReader secrets;
  private final VerificationKeys verificationKeys;
  private final GitIncludes includes;
  private final EventRecorder events;
  private final StatusWriter writer;
  private final String artifactBaseUrl;
  private final Clock clock;
  private final StatusSummarizer summarizer = new StatusSummarizer(ConditionReasons.SUCCEEDED);
  private final StepRunner<GitRepositoryRun> steps;

  /**
   * @param artifactBaseUrl where consumers download artifacts; the artifact path is appended
   */
  public GitRepositoryReconciler(
      KubernetesClient client,
      GitFetcher fetcher,
      EventRecorder events,
      String artifactBaseUrl,
      Clock clock) {
    this.client = client;
    this.fetcher = fetcher;
    this.secrets = new GitCredentialsReader(client);
    this.verificationKeys = new VerificationKeys(client);
    this.includes = new GitIncludes(client, new ArtifactArrival(fetcher.store()));
    this.events = events;
    this.writer = new StatusWriter(client);
    this.artifactBaseUrl = artifactBaseUrl.endsWith("/") ? artifactBaseUrl : artifactBaseUrl + "/";
    this.clock = clock;
    this.steps =
        new StepRunner<>(
            List.of(
                Step.of("checkSuspend", GitRepositoryReconciler::checkSuspend),
                Step.of("checkSpec", GitRepositoryReconciler::checkSpec),
                Step.of("readCredentials", this::readCredentials),
                Step.of("readVerificationKeys", this::readVerificationKeys),
                Step.of(
                    "resolveIncludes",
                    run -> includes.resolve(run, interval(run.object().getSpec()))),
                Step.of("fetch", this::fetch),
                Step.of("recordArtifact", this::recordArtifact)));
  }

  @Override
  public Class<GitRepository> resourceClass() {
    return GitRepository.class;
  }

  /** Reads the GitRepository, reconciles it and patches its status; empty when it is gone. */
  @Override
  public Optional<ReconcileResult<GitRepositoryStatus>> reconcile(
      String namespace, String name, Trigger trigger) {
    return writer.reconcileLive(
        GitRepository.class, namespace, name, live -> reconcile(live, trigger));
  }

  /** Reconciles {@code object} and returns the status to write; does not patch it. */
  public ReconcileResult<GitRepositoryStatus> reconcile(GitRepository object, Trigger trigger) {
    GitRepository copy = client.getKubernetesSerialization().clone(object);
    GitRepositoryStatus draft =
        copy.getStatus() == null ? new GitRepositoryStatus() : copy.getStatus();
    Condition previousReady = draft.conditions(clock).get(ConditionTypes.READY).orElse(null);
    Artifact previousArtifact = draft.getArtifact();
    GitRepositoryRun run = new GitRepositoryRun(copy, trigger, draft, clock);
    RunOutcome outcome = steps.run(run);
    Duration interval = interval(copy.getSpec());
    ReconcileResult<GitRepositoryStatus> result =
        summarizer.summarize(run, outcome, interval, interval);
    if (!outcome.skipped()) {
      announce(run, outcome, previousReady, previousArtifact);
    }
    return result;
  }

  private void announce(
      GitRepositoryRun run, RunOutcome outcome, Condition previousReady, Artifact previous) {
    Artifact now = run.status().getArtifact();
    if (outcome.error() == null && now != null && !now.sameContentAs(previous)) {
      events.record(
          run.object(),
          EventRecorder.NORMAL,
          ConditionReasons.NEW_ARTIFACT,
          "stored artifact for commit '" + now.revision() + "'",
          now.revision());
    }
    ReconcileException error = outcome.error();
    if (error != null
        && (previousReady == null
            || !"False".equals(previousReady.getStatus())
            || !error.getMessage().equals(previousReady.getMessage()))) {
      events.record(run.object(), EventRecorder.WARNING, error.reason(), error.getMessage(), null);
    }
  }

  private static Duration interval(GitRepositorySpec spec) {
    try {
      return FluxDuration.parse(spec.interval());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static StepResult checkSuspend(GitRepositoryRun run) {
    return Boolean.TRUE.equals(run.object().getSpec().suspend())
        ? StepResult.skip("suspended")
        : StepResult.proceed();
  }

  private static StepResult checkSpec(GitRepositoryRun run) {
    GitRepositorySpec spec = run.object().getSpec();
    if (interval(spec) == null) {
      throw new ReconcileException.Stalled(
          "InvalidSpec", "spec.interval '" + spec.interval() + "' is not a duration");
    }
    // fields whose absence would silently change what is deployed stall instead of being ignored
    String unsupported = null;
    if (spec.proxySecretRef() != null) {
      unsupported = "spec.proxySecretRef";
    } else if (spec.provider() != null && spec.provider() != GitProvider.GENERIC) {
      unsupported = "spec.provider '" + spec.provider().name().toLowerCase(Locale.ROOT) + "'";
    }
    if (unsupported != null) {
      throw new ReconcileException.Stalled(
          "InvalidSpec", unsupported + " is not supported by this version of Cairn");
    }
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

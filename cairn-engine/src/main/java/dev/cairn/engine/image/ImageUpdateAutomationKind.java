package dev.cairn.engine.image;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.image.ImageUpdateAutomation;
import dev.cairn.api.image.ImageUpdateAutomationSpec;
import dev.cairn.api.image.ImageUpdateAutomationStatus;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.GitRepositoryRef;
import dev.cairn.api.source.GitRepositorySpec;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.FieldRefusal;
import dev.cairn.engine.KindDefinition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.RunOutcome;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.Tenancy;
import dev.cairn.engine.Trigger;
import dev.cairn.engine.source.GitCredentialsReader;
import dev.cairn.image.git.UpdateCommitter;
import dev.cairn.image.git.UpdateRequest;
import dev.cairn.image.git.UpdateResult;
import dev.cairn.render.gotemplate.GoTemplateEngine;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.git.GitSourceSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The ImageUpdateAutomation kind: {@code checkSpec → resolveSource → collectPolicies → update →
 * pullRequest}, as Flux's image-automation-controller with the Setters strategy, plus Cairn's
 * pull-request flow ({@link PullRequestStep}). One commit per run with the changes; nothing
 * committed when nothing changed; the push is never forced.
 */
public final class ImageUpdateAutomationKind
    implements KindDefinition<
        ImageUpdateAutomation, ImageUpdateAutomationStatus, ImageUpdateAutomationRun> {
  private final KubernetesClient client;
  private final GitCredentialsReader secrets;
  private final UpdateCommitter committer;
  private final CommitMessage message;
  private final PolicyPicks policies;
  private final PullRequestStep pullRequests;
  private final EventRecorder events;
  private final Tenancy tenancy;

  public ImageUpdateAutomationKind(
      KubernetesClient client,
      UpdateCommitter committer,
      GoTemplateEngine templates,
      PullRequestStep pullRequests,
      EventRecorder events) {
    this(client, committer, templates, pullRequests, events, Tenancy.open());
  }

  /** With {@code tenancy}'s lockdown: a GitRepository in another namespace is refused. */
  public ImageUpdateAutomationKind(
      KubernetesClient client,
      UpdateCommitter committer,
      GoTemplateEngine templates,
      PullRequestStep pullRequests,
      EventRecorder events,
      Tenancy tenancy) {
    this.tenancy = tenancy;
    this.client = client;
    this.secrets = new GitCredentialsReader(client);
    this.committer = committer;
    this.message = new CommitMessage(templates);
    this.policies = new PolicyPicks(client);
    this.pullRequests = pullRequests;
    this.events = events;
  }

  public static StepReconciler<
          ImageUpdateAutomation, ImageUpdateAutomationStatus, ImageUpdateAutomationRun>
      reconciler(
          KubernetesClient client, UpdateCommitter committer, EventRecorder events, Clock clock) {
    return reconciler(client, committer, events, clock, Tenancy.open());
  }

  public static StepReconciler<
          ImageUpdateAutomation, ImageUpdateAutomationStatus, ImageUpdateAutomationRun>
      reconciler(
          KubernetesClient client,
          UpdateCommitter committer,
          EventRecorder events,
          Clock clock,
          Tenancy tenancy) {
    return new StepReconciler<>(
        client,
        new ImageUpdateAutomationKind(
            client,
            committer,
            GoTemplateEngine.defaults(),
            new PullRequestStep(client, committer, PullRequestStep.Hosts.github()),
            events,
            tenancy),
        clock);
  }

  @Override
  public Class<ImageUpdateAutomation> resourceClass() {
    return ImageUpdateAutomation.class;
  }

  @Override
  public ImageUpdateAutomationStatus emptyStatus() {
    return new ImageUpdateAutomationStatus();
  }

  @Override
  public ImageUpdateAutomationRun newRun(
      ImageUpdateAutomation object,
      Trigger trigger,
      ImageUpdateAutomationStatus draft,
      Clock clock) {
    return new ImageUpdateAutomationRun(object, trigger, draft, clock);
  }

  @Override
  public boolean suspended(ImageUpdateAutomation object) {
    return Boolean.TRUE.equals(object.getSpec().suspend());
  }

  @Override
  public List<Step<ImageUpdateAutomationRun>> steps() {
    return List.of(
        Step.of("checkSpec", ImageUpdateAutomationKind::checkSpec),
        Step.of("resolveSource", this::resolveSource),
        Step.of("collectPolicies", this::collectPolicies),
        Step.of("update", this::update),
        Step.of("pullRequest", pullRequests::run));
  }

  @Override
  public List<FieldRefusal> refusedFields() {
    return ImageRefusals.IMAGE_UPDATE_AUTOMATION;
  }

  @Override
  public String successReason() {
    return ConditionReasons.SUCCEEDED;
  }

  @Override
  public Set<String> ownedConditions() {
    return Set.of();
  }

  @Override
  public void announce(
      ImageUpdateAutomationRun run, RunOutcome outcome, ImageUpdateAutomationStatus before) {
    if (events.recordNewFailure(run.object(), outcome.error(), before)) {
      return;
    }
    if (outcome.succeeded() && run.result() != null && run.result().pushed()) {
      events.record(
          run.object(), EventRecorder.NORMAL, ImageReasons.UPDATED, run.successMessage(), null);
    }
  }

  private static StepResult checkSpec(ImageUpdateAutomationRun run) {
    ImageUpdateAutomationSpec spec = run.object().getSpec();
    run.intervals(ImageRepositoryKind.duration("spec.interval", spec.interval()), null);
    if (!"GitRepository".equals(spec.sourceRef().kind())) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC,
          "spec.sourceRef.kind '" + spec.sourceRef().kind() + "' must be GitRepository");
    }
    if (spec.git() == null || spec.git().commit() == null) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC, "spec.git.commit is required to write commits");
    }
    return StepResult.proceed();
  }

  private StepResult resolveSource(ImageUpdateAutomationRun run) {
    ImageUpdateAutomationSpec.SourceReference ref = run.object().getSpec().sourceRef();
    String namespace =
        ref.namespace() == null || ref.namespace().isEmpty()
            ? run.key().namespace()
            : ref.namespace();
    tenancy.stallOnReference(run.key().namespace(), "GitRepository", namespace, ref.name());
    GitRepository repository =
        client.resources(GitRepository.class).inNamespace(namespace).withName(ref.name()).get();
    if (repository == null) {
      throw new ReconcileException.Waiting(
          ImageReasons.DEPENDENCY_NOT_READY,
          "GitRepository '" + namespace + "/" + ref.name() + "' not found",
          Duration.ofSeconds(10));
    }
    GitRepositorySpec spec = repository.getSpec();
    GitSourceSpec source = GitSourceSpec.of(spec.url());
    if (spec.timeout() != null) {
      source =
          source.withTimeout(
              ImageRepositoryKind.duration("GitRepository spec.timeout", spec.timeout()));
    }
    if (spec.secretRef() != null) {
      GitCredentialsReader.GitSecret secret =
          secrets.read(namespace, spec.secretRef().name(), spec.url().startsWith("ssh://"));
      source = source.withCredentials(secret.credentials()).withTls(secret.tls());
    }
    run.source(source, checkoutBranch(run.object().getSpec(), spec.ref()));
    return StepResult.proceed();
  }

  /** {@code git.checkout.ref.branch}, else the GitRepository's branch, else {@code master}. */
  private static String checkoutBranch(ImageUpdateAutomationSpec spec, GitRepositoryRef sourceRef) {
    GitRepositoryRef ref = spec.git().checkout() != null ? spec.git().checkout().ref() : sourceRef;
    if (ref == null) {
      return "master";
    }
    if (ref.branch() == null || ref.branch().isEmpty()) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC,
          "the checkout ref must name a branch to commit on (tags, semver ranges and commits"
              + " cannot be pushed to); set spec.git.checkout.ref.branch");
    }
    return ref.branch();
  }

  private StepResult collectPolicies(ImageUpdateAutomationRun run) {
    PolicyPicks.Collected collected =
        policies.collect(run.key().namespace(), run.object().getSpec().policySelector());
    run.policies(collected.picks(), collected.observed());
    return StepResult.proceed();
  }

  private StepResult update(ImageUpdateAutomationRun run) {
    ImageUpdateAutomationSpec spec = run.object().getSpec();
    ImageUpdateAutomationSpec.Push push = spec.git().push();
    ImageUpdateAutomationSpec.Author author = spec.git().commit().author();
    UpdateRequest request =
        new UpdateRequest(
            run.source(),
            run.checkoutBranch(),
            push == null ? null : push.branch(),
            push == null ? null : push.refspec(),
            spec.update() == null ? "" : spec.update().path(),
            author.name(),
            author.email(),
            run.picks());
    run.request(request);
    UpdateResult result;
    try {
      result = committer.run(request, changes -> message.render(run.object(), changes));
    } catch (SourceException e) {
      if (e.reason() == SourceReason.INVALID_SPEC) {
        throw new ReconcileException.Stalled(ConditionReasons.INVALID_SPEC, e.getMessage());
      }
      String reason =
          e.reason() == SourceReason.AUTHENTICATION_FAILED
              ? ConditionReasons.AUTHENTICATION_FAILED
              : ImageReasons.GIT_FAILED;
      throw new ReconcileException.Failed(reason, e.getMessage());
    }
    run.result(result);
    record(run, result, request.targetBranch());
    return StepResult.proceed();
  }

  private static void record(ImageUpdateAutomationRun run, UpdateResult result, String branch) {
    ImageUpdateAutomationStatus status = run.status();
    String now =
        DateTimeFormatter.ISO_INSTANT.format(run.clock().instant().truncatedTo(ChronoUnit.SECONDS));
    status.setLastAutomationRunTime(now);
    status.setObservedSourceRevision(branch + "@sha1:" + result.base());
    status.setObservedPolicies(run.observed().isEmpty() ? null : run.observed());
    if (result.pushed()) {
      status.setLastPushCommit(result.commit());
      status.setLastPushTime(now);
      run.succeedWith(
          "pushed commit '" + result.commit().substring(0, 7) + "' to branch '" + branch + "'");
    } else {
      run.succeedWith("repository up-to-date");
    }
  }
}

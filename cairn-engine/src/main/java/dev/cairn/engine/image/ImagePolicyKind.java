package dev.cairn.engine.image;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.image.ImagePolicy;
import dev.cairn.api.image.ImagePolicySpec;
import dev.cairn.api.image.ImagePolicyStatus;
import dev.cairn.api.image.ImageRef;
import dev.cairn.api.image.ImageRepository;
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
import dev.cairn.image.policy.SemverConstraint;
import dev.cairn.image.policy.TagFilter;
import dev.cairn.image.policy.TagPolicy;
import dev.cairn.image.registry.TagStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The ImagePolicy kind: {@code checkSpec → resolveRepository → select → reflectDigest}, as Flux's
 * image-reflector-controller. The tags come from the controller's {@link TagStore} (filled by the
 * ImageRepository scan); the pick goes to {@code status.latestRef}, the one before to {@code
 * observedPreviousRef}.
 */
public final class ImagePolicyKind
    implements KindDefinition<ImagePolicy, ImagePolicyStatus, ImagePolicyRun> {
  static final Duration WAIT_FOR_SCAN = Duration.ofSeconds(5);

  private final KubernetesClient client;
  private final TagStore store;
  private final EventRecorder events;
  private final DigestReflection digests;
  private final Tenancy tenancy;

  public ImagePolicyKind(
      KubernetesClient client, TagStore store, DigestReflection digests, EventRecorder events) {
    this(client, store, digests, events, Tenancy.open());
  }

  /** With {@code tenancy}'s lockdown: an ImageRepository in another namespace is refused. */
  public ImagePolicyKind(
      KubernetesClient client,
      TagStore store,
      DigestReflection digests,
      EventRecorder events,
      Tenancy tenancy) {
    this.client = client;
    this.store = store;
    this.digests = digests;
    this.events = events;
    this.tenancy = tenancy;
  }

  public static StepReconciler<ImagePolicy, ImagePolicyStatus, ImagePolicyRun> reconciler(
      KubernetesClient client, TagStore store, EventRecorder events, Clock clock) {
    return reconciler(client, store, events, clock, Tenancy.open());
  }

  public static StepReconciler<ImagePolicy, ImagePolicyStatus, ImagePolicyRun> reconciler(
      KubernetesClient client, TagStore store, EventRecorder events, Clock clock, Tenancy tenancy) {
    return new StepReconciler<>(
        client,
        new ImagePolicyKind(client, store, DigestReflection.defaults(client), events, tenancy),
        clock);
  }

  @Override
  public Class<ImagePolicy> resourceClass() {
    return ImagePolicy.class;
  }

  @Override
  public ImagePolicyStatus emptyStatus() {
    return new ImagePolicyStatus();
  }

  @Override
  public ImagePolicyRun newRun(
      ImagePolicy object, Trigger trigger, ImagePolicyStatus draft, Clock clock) {
    return new ImagePolicyRun(object, trigger, draft, clock);
  }

  @Override
  public boolean suspended(ImagePolicy object) {
    return false;
  }

  @Override
  public List<Step<ImagePolicyRun>> steps() {
    return List.of(
        Step.of("checkSpec", ImagePolicyKind::checkSpec),
        Step.of("resolveRepository", this::resolveRepository),
        Step.of("select", this::select),
        Step.of("reflectDigest", this::reflectDigest));
  }

  @Override
  public List<FieldRefusal> refusedFields() {
    return ImageRefusals.IMAGE_POLICY;
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
  public void announce(ImagePolicyRun run, RunOutcome outcome, ImagePolicyStatus before) {
    if (events.recordNewFailure(run.object(), outcome.error(), before)) {
      return;
    }
    ImageRef now = run.status().getLatestRef();
    ImageRef was = before == null ? null : before.getLatestRef();
    if (outcome.succeeded() && now != null && !Objects.equals(now, was)) {
      events.record(
          run.object(),
          EventRecorder.NORMAL,
          ConditionReasons.SUCCEEDED,
          run.successMessage(),
          null);
    }
  }

  private static StepResult checkSpec(ImagePolicyRun run) {
    ImagePolicySpec spec = run.object().getSpec();
    DigestReflection.Mode mode = DigestReflection.mode(spec.digestReflectionPolicy());
    if (mode == DigestReflection.Mode.ALWAYS) {
      if (spec.interval() == null) {
        throw new ReconcileException.Stalled(
            ConditionReasons.INVALID_SPEC,
            "spec.interval is required when spec.digestReflectionPolicy is Always");
      }
      run.intervals(ImageRepositoryKind.duration("spec.interval", spec.interval()), null);
    } else if (spec.interval() != null) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC,
          "spec.interval is only allowed when spec.digestReflectionPolicy is Always");
    }
    try {
      TagFilter filter =
          spec.filterTags() == null
              ? TagFilter.all()
              : TagFilter.of(spec.filterTags().pattern(), spec.filterTags().extract());
      run.ordering(policy(spec.policy()), filter);
    } catch (IllegalArgumentException e) {
      throw new ReconcileException.Stalled(ConditionReasons.INVALID_SPEC, e.getMessage());
    }
    return StepResult.proceed();
  }

  private static TagPolicy policy(ImagePolicySpec.ImagePolicyChoice choice) {
    int set =
        (choice.semver() != null ? 1 : 0)
            + (choice.alphabetical() != null ? 1 : 0)
            + (choice.numerical() != null ? 1 : 0);
    if (set != 1) {
      throw new IllegalArgumentException(
          "spec.policy must set exactly one of semver, alphabetical and numerical");
    }
    if (choice.semver() != null) {
      try {
        return new TagPolicy.Semver(SemverConstraint.parse(choice.semver().range()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("spec.policy.semver.range: " + e.getMessage());
      }
    }
    if (choice.alphabetical() != null) {
      return new TagPolicy.Alphabetical(TagPolicy.ascending(choice.alphabetical().order()));
    }
    return new TagPolicy.Numerical(TagPolicy.ascending(choice.numerical().order()));
  }

  private StepResult resolveRepository(ImagePolicyRun run) {
    ImagePolicySpec.ImageRepositoryReference ref = run.object().getSpec().imageRepositoryRef();
    String namespace =
        ref.namespace() == null || ref.namespace().isEmpty()
            ? run.key().namespace()
            : ref.namespace();
    tenancy.stallOnReference(run.key().namespace(), "ImageRepository", namespace, ref.name());
    ImageRepository repository =
        client.resources(ImageRepository.class).inNamespace(namespace).withName(ref.name()).get();
    if (repository == null) {
      throw new ReconcileException.Waiting(
          ImageReasons.DEPENDENCY_NOT_READY,
          "ImageRepository '" + namespace + "/" + ref.name() + "' not found",
          WAIT_FOR_SCAN);
    }
    if (!namespace.equals(run.key().namespace())) {
      CrossNamespaceAccess.check(client, repository, run.key().namespace());
    }
    run.repository(repository);
    return StepResult.proceed();
  }

  private StepResult select(ImagePolicyRun run) {
    ImageRepository repository = run.repository();
    String where =
        repository.getMetadata().getNamespace() + "/" + repository.getMetadata().getName();
    List<String> tags =
        store
            .get(repository.getMetadata().getNamespace(), repository.getMetadata().getName())
            .orElseThrow(
                () ->
                    new ReconcileException.Waiting(
                        ImageReasons.DEPENDENCY_NOT_READY,
                        "ImageRepository '" + where + "' has not been scanned yet",
                        WAIT_FOR_SCAN));
    String tag;
    try {
      tag = run.policy().select(run.filter().apply(tags)).orElse(null);
    } catch (IllegalArgumentException e) {
      throw new ReconcileException.Stalled(ImageReasons.POLICY_EMPTY, e.getMessage());
    }
    if (tag == null) {
      throw new ReconcileException.Failed(
          ImageReasons.POLICY_EMPTY,
          "no tag of ImageRepository '"
              + where
              + "' ("
              + tags.size()
              + " tags) satisfies the policy");
    }
    run.tag(tag);
    return StepResult.proceed();
  }

  private StepResult reflectDigest(ImagePolicyRun run) {
    ImagePolicyStatus status = run.status();
    String image = run.repository().getSpec().image();
    ImageRef previous = status.getLatestRef();
    String digest = digests.digest(run, previous, image);
    ImageRef latest = new ImageRef(image, run.tag(), digest);
    if (previous != null && !previous.equals(latest)) {
      status.setObservedPreviousRef(previous);
    }
    status.setLatestRef(latest);
    run.succeedWith("Latest image tag for " + image + " resolved to " + run.tag());
    return StepResult.proceed();
  }
}

package dev.cairn.engine.image;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.image.ImageRepository;
import dev.cairn.api.image.ImageRepositorySpec;
import dev.cairn.api.image.ImageRepositoryStatus;
import dev.cairn.api.image.ScanResult;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.FieldRefusal;
import dev.cairn.engine.KindDefinition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.RunOutcome;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.Trigger;
import dev.cairn.image.registry.ImageName;
import dev.cairn.image.registry.TagListRequest;
import dev.cairn.image.registry.TagLister;
import dev.cairn.image.registry.TagStore;
import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The ImageRepository kind: {@code checkSpec → readCredentials → scan}, as Flux's
 * image-reflector-controller. The tags (minus the exclusion list, default {@code ^.*\.sig$}) go to
 * the controller's {@link TagStore}, not to the status; the status carries the canonical name, the
 * count, the scan time and the ten tags that sort last.
 */
public final class ImageRepositoryKind
    implements KindDefinition<ImageRepository, ImageRepositoryStatus, ImageRepositoryRun> {
  static final int LATEST_TAGS = 10;

  private final TagLister lister;
  private final TagStore store;
  private final RegistryAccess access;
  private final EventRecorder events;

  public ImageRepositoryKind(
      KubernetesClient client, TagLister lister, TagStore store, EventRecorder events) {
    this.lister = lister;
    this.store = store;
    this.access = new RegistryAccess(client);
    this.events = events;
  }

  /** The ImageRepository reconciler: this kind on the engine's skeleton. */
  public static StepReconciler<ImageRepository, ImageRepositoryStatus, ImageRepositoryRun>
      reconciler(KubernetesClient client, TagStore store, EventRecorder events, Clock clock) {
    return new StepReconciler<>(
        client, new ImageRepositoryKind(client, new TagLister(), store, events), clock);
  }

  @Override
  public Class<ImageRepository> resourceClass() {
    return ImageRepository.class;
  }

  @Override
  public ImageRepositoryStatus emptyStatus() {
    return new ImageRepositoryStatus();
  }

  @Override
  public ImageRepositoryRun newRun(
      ImageRepository object, Trigger trigger, ImageRepositoryStatus draft, Clock clock) {
    return new ImageRepositoryRun(object, trigger, draft, clock);
  }

  @Override
  public boolean suspended(ImageRepository object) {
    return Boolean.TRUE.equals(object.getSpec().suspend());
  }

  @Override
  public List<Step<ImageRepositoryRun>> steps() {
    return List.of(
        Step.of("checkSpec", ImageRepositoryKind::checkSpec),
        Step.of("readCredentials", this::readCredentials),
        Step.of("scan", this::scan));
  }

  @Override
  public List<FieldRefusal> refusedFields() {
    return ImageRefusals.IMAGE_REPOSITORY;
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
  public void announce(ImageRepositoryRun run, RunOutcome outcome, ImageRepositoryStatus before) {
    if (events.recordNewFailure(run.object(), outcome.error(), before)) {
      return;
    }
    ScanResult now = run.status().getLastScanResult();
    ScanResult was = before == null ? null : before.getLastScanResult();
    if (outcome.succeeded()
        && now != null
        && (was == null || !Objects.equals(was.revision(), now.revision()))) {
      events.record(
          run.object(), EventRecorder.NORMAL, ImageReasons.NEW_SCAN, run.successMessage(), null);
    }
  }

  private static StepResult checkSpec(ImageRepositoryRun run) {
    ImageRepositorySpec spec = run.object().getSpec();
    Duration interval = duration("spec.interval", spec.interval());
    run.intervals(interval, null);
    try {
      run.image(ImageName.parse(spec.image()));
    } catch (IllegalArgumentException e) {
      throw new ReconcileException.Stalled(ConditionReasons.INVALID_SPEC, e.getMessage());
    }
    List<com.google.re2j.Pattern> exclusions = new ArrayList<>();
    for (String regex : spec.exclusions()) {
      try {
        exclusions.add(com.google.re2j.Pattern.compile(regex));
      } catch (com.google.re2j.PatternSyntaxException e) {
        throw new ReconcileException.Stalled(
            ConditionReasons.INVALID_SPEC,
            "spec.exclusionList: '" + regex + "' is not a valid regular expression");
      }
    }
    run.exclusions(exclusions);
    return StepResult.proceed();
  }

  static Duration duration(String field, String value) {
    try {
      return FluxDuration.parse(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC, field + " '" + value + "' is not a duration");
    }
  }

  private StepResult readCredentials(ImageRepositoryRun run) {
    ImageRepositorySpec spec = run.object().getSpec();
    String namespace = run.key().namespace();
    Duration timeout =
        spec.timeout() == null ? run.interval() : duration("spec.timeout", spec.timeout());
    run.request(
        TagListRequest.of(run.image())
            .withCredentials(access.credentials(namespace, spec, run.image().registry()))
            .withTls(access.tls(namespace, spec))
            .withInsecure(Boolean.TRUE.equals(spec.insecure()))
            .withTimeout(timeout));
    return StepResult.proceed();
  }

  private StepResult scan(ImageRepositoryRun run) {
    List<String> tags;
    try {
      tags = lister.list(run.request());
    } catch (SourceException e) {
      String reason =
          e.reason() == SourceReason.AUTHENTICATION_FAILED
              ? ConditionReasons.AUTHENTICATION_FAILED
              : ImageReasons.READ_FAILED;
      throw new ReconcileException.Failed(reason, e.getMessage());
    }
    List<String> kept =
        tags.stream()
            .filter(t -> run.exclusions().stream().noneMatch(p -> p.matcher(t).find()))
            .toList();
    store.put(run.key().namespace(), run.key().name(), kept);
    ImageRepositoryStatus status = run.status();
    status.setCanonicalImageName(run.image().canonical());
    status.setObservedExclusionList(run.object().getSpec().exclusions());
    status.setLastScanResult(
        new ScanResult(
            revision(kept),
            kept.size(),
            DateTimeFormatter.ISO_INSTANT.format(
                run.clock().instant().truncatedTo(ChronoUnit.SECONDS)),
            kept.stream().sorted(Comparator.reverseOrder()).limit(LATEST_TAGS).toList()));
    run.succeedWith("successful scan: found " + kept.size() + " tags");
    return StepResult.proceed();
  }

  /** A digest of the sorted tag list: changes when a tag comes or goes. */
  static String revision(List<String> tags) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      tags.stream().sorted().forEach(t -> sha.update((t + "\n").getBytes(StandardCharsets.UTF_8)));
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always provides SHA-256", e);
    }
  }
}

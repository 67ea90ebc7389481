package dev.cairn.health;

import dev.cairn.manifest.KubeObject;
import java.util.Optional;
import java.util.Set;

/**
 * Any kind without its own check (custom resources, Cairn's and Flux's kinds): the {@code Ready}
 * condition decides. True is Current; Unknown is in progress; False is in progress when its reason
 * says work is still under way ({@link #PROGRESS_REASONS}) and Failed otherwise. Without a Ready
 * condition, or without any status, the object is Current, as kstatus decides, except for Cairn's
 * and Flux's own kinds: their controllers always report Ready, so until they do the object is in
 * progress (a HelmRelease nobody reconciled yet must not pass a health check).
 */
final class ConditionsCheck implements HealthCheck {

  /**
   * Ready=False reasons that mean "not yet" rather than "broken", from Flux and common operators.
   */
  static final Set<String> PROGRESS_REASONS =
      Set.of(
          "Progressing",
          "ProgressingWithRetry",
          "Reconciling",
          "DependencyNotReady",
          "Pending",
          "Installing",
          "Upgrading",
          "Creating",
          "Provisioning",
          "Waiting",
          "Initializing");

  @Override
  public Health check(KubeObject object) {
    Optional<Condition> ready = Condition.find(object.node(), "Ready");
    if (ready.isEmpty() && reportsReady(object)) {
      return Health.inProgress("waiting for its controller to report Ready");
    }
    if (ready.isEmpty()) {
      return Health.current(
          Fields.of(object.node()).has("/status")
              ? "no Ready condition reported"
              : "no status reported");
    }
    Condition c = ready.get();
    if (c.isTrue()) {
      return Health.current(Messages.join("Ready", c.message()));
    }
    if (c.isFalse()) {
      return PROGRESS_REASONS.contains(c.reason())
          ? Health.inProgress(Messages.join("not Ready", c.describe()))
          : Health.failed(Messages.join("not Ready", c.describe()));
    }
    return Health.inProgress(Messages.join("Ready is Unknown", c.describe()));
  }

  private static boolean reportsReady(KubeObject object) {
    String group = object.gvk().group();
    return group != null && (group.equals("cairn.dev") || group.endsWith(".toolkit.fluxcd.io"));
  }
}

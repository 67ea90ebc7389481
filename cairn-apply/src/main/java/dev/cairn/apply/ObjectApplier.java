package dev.cairn.apply;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;

/**
 * Decides and carries out the apply of one object. Deciding reads the live object and, unless
 * {@link UnchangedCheck} proves the object unchanged, dry-runs the apply and compares the result
 * with the live object; only a real difference leads to a write.
 */
final class ObjectApplier {
  private final ClusterClient cluster;
  private final ApplyOptions options;
  private final Poller poller;

  ObjectApplier(ClusterClient cluster, ApplyOptions options, Poller poller) {
    this.cluster = cluster;
    this.options = options;
    this.poller = poller;
  }

  Decision decide(ObjectPlan plan) {
    KubeObject desired = plan.desired();
    KubeObject live;
    try {
      live = cluster.get(plan.id()).orElse(null);
    } catch (ClusterException e) {
      return new Decision(Decision.Kind.FAILED, plan, null, e.getMessage());
    }
    if (live != null
        && UnchangedCheck.proven(desired.node(), live.node(), options.fieldManager())) {
      return new Decision(Decision.Kind.UNCHANGED, plan, live, null);
    }
    KubeObject dryRun;
    try {
      dryRun = cluster.dryRunApply(desired, options.fieldManager(), options.forceConflicts());
    } catch (ClusterException e) {
      if (live != null && e.isImmutable() && forced(desired)) {
        return new Decision(Decision.Kind.RECREATE, plan, live, e.getMessage());
      }
      return new Decision(Decision.Kind.FAILED, plan, live, e.getMessage());
    }
    if (live == null) {
      return new Decision(Decision.Kind.CREATE, plan, null, null);
    }
    if (ServerFields.strip(dryRun.node()).equals(ServerFields.strip(live.node()))) {
      return new Decision(Decision.Kind.UNCHANGED, plan, live, null);
    }
    return new Decision(Decision.Kind.CONFIGURE, plan, live, null);
  }

  /** Whether an object whose update hits an immutable field may be deleted and recreated. */
  boolean forced(KubeObject desired) {
    return options.force()
        || ApplyOptions.ENABLED.equals(desired.annotations().get(ApplyOptions.FORCE_ANNOTATION));
  }

  ChangeSetEntry execute(Decision decision) {
    ObjectId id = decision.plan().id();
    KubeObject desired = decision.plan().desired();
    return switch (decision.kind()) {
      case UNCHANGED -> ChangeSetEntry.of(id, Action.UNCHANGED, "unchanged");
      case CREATE -> {
        apply(desired);
        yield ChangeSetEntry.of(id, Action.CREATED, "created");
      }
      case CONFIGURE -> {
        try {
          apply(desired);
        } catch (ClusterException e) {
          if (e.isImmutable() && forced(desired)) {
            yield recreate(id, desired, e.getMessage());
          }
          throw e;
        }
        yield ChangeSetEntry.of(id, Action.CONFIGURED, "configured");
      }
      case RECREATE -> recreate(id, desired, decision.reason());
      case FAILED -> throw new ClusterException(0, "Invalid", decision.reason());
    };
  }

  private void apply(KubeObject desired) {
    cluster.apply(desired, options.fieldManager(), options.forceConflicts());
  }

  private ChangeSetEntry recreate(ObjectId id, KubeObject desired, String why) {
    cluster.delete(id);
    boolean gone = poller.await(() -> cluster.get(id).isEmpty(), options.waitTimeout());
    if (!gone) {
      throw new ClusterException(
          0,
          "Timeout",
          "still being deleted after " + options.waitTimeout().toSeconds() + "s; not recreated");
    }
    apply(desired);
    return ChangeSetEntry.of(id, Action.CREATED, "recreated: " + why);
  }
}

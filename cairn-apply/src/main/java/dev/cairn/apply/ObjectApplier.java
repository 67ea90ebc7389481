package dev.cairn.apply;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;

/**
 * Decides and carries out the apply of one object. Deciding reads the live object and, unless
 * {@link UnchangedCheck} proves the object unchanged, dry-runs the apply and compares the result
 * with the live object; only a real difference leads to a write. An object the client's watches
 * know to be absent is not read first: the dry-run's answer says whether it exists after all (an
 * object without Cairn's labels is not watched), and only then is it read from the server.
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
    boolean unseen;
    KubeObject live;
    try {
      // absent from the watches: the dry-run below tells whether it exists after all
      unseen = cluster.knownAbsent(plan.id());
      live = unseen ? null : cluster.get(plan.id()).orElse(null);
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
      if (unseen && e.isImmutable()) {
        return immutable(plan, e);
      }
      if (live != null && e.isImmutable() && forced(desired)) {
        return new Decision(Decision.Kind.RECREATE, plan, live, e.getMessage());
      }
      return new Decision(Decision.Kind.FAILED, plan, live, e.getMessage());
    }
    if (live == null && unseen && existed(dryRun)) {
      try {
        live = cluster.read(plan.id()).orElse(null);
      } catch (ClusterException e) {
        return new Decision(Decision.Kind.FAILED, plan, null, e.getMessage());
      }
    }
    if (live == null) {
      return new Decision(Decision.Kind.CREATE, plan, null, null);
    }
    if (ServerFields.strip(dryRun.node()).equals(ServerFields.strip(live.node()))) {
      return new Decision(Decision.Kind.UNCHANGED, plan, live, null);
    }
    return new Decision(Decision.Kind.CONFIGURE, plan, live, null);
  }

  /**
   * A dry-run of an object the watches did not hold hit an immutable field, so it exists: read it
   * and recreate it when forced, as for an object read first.
   */
  private Decision immutable(ObjectPlan plan, ClusterException e) {
    KubeObject live;
    try {
      live = cluster.read(plan.id()).orElse(null);
    } catch (ClusterException reading) {
      return new Decision(Decision.Kind.FAILED, plan, null, reading.getMessage());
    }
    Decision.Kind kind =
        live != null && forced(plan.desired()) ? Decision.Kind.RECREATE : Decision.Kind.FAILED;
    return new Decision(kind, plan, live, e.getMessage());
  }

  /**
   * Whether a dry-run answered for an object that exists: the API server gives a dry-run create no
   * resourceVersion (nothing was stored), and a dry-run update the stored object's.
   */
  private static boolean existed(KubeObject dryRun) {
    return !WatchedClusterClient.resourceVersion(dryRun).isEmpty();
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

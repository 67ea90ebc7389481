package dev.cairn.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One staged apply of a set of objects: plan (scope, stage, what depends on the set's own
 * definitions), validate everything that can be validated by dry-run, then apply stage by stage,
 * waiting for CRDs to be established before validating and applying what they define.
 */
final class StagedApply {
  private final ClusterClient cluster;
  private final ApplyOptions options;
  private final ObjectApplier applier;
  private final Poller poller;
  private final List<ChangeSetEntry> done = new ArrayList<>();

  StagedApply(ClusterClient cluster, ApplyOptions options, Poller poller) {
    this.cluster = cluster;
    this.options = options;
    this.poller = poller;
    this.applier = new ObjectApplier(cluster, options, poller);
  }

  ChangeSet run(Collection<KubeObject> objects) {
    List<ObjectPlan> plans = plan(objects);
    List<Decision> now =
        validate(plans.stream().filter(p -> !p.deferred()).toList(), "validation failed");
    List<ObjectPlan> deferred = plans.stream().filter(ObjectPlan::deferred).toList();

    execute(now.stream().filter(d -> d.plan().stage() == Stage.DEFINITIONS).toList());
    awaitEstablished(plans);
    List<Decision> later = validate(deferred, "validation after stage 1 failed");

    List<Decision> rest = new ArrayList<>();
    now.stream().filter(d -> d.plan().stage() != Stage.DEFINITIONS).forEach(rest::add);
    rest.addAll(later);
    rest.sort(KindOrder.applyOrder(d -> d.plan().id(), d -> d.plan().namespaced()));
    execute(rest);
    return new ChangeSet(done);
  }

  /** The plans in apply order; excluded objects are recorded as skipped. */
  private List<ObjectPlan> plan(Collection<KubeObject> objects) {
    SetPlanner planner =
        new SetPlanner(cluster, options.stampedLabels(), SetDefinitions.of(objects));
    for (KubeObject object : objects) {
      if (excluded(object)) {
        done.add(ChangeSetEntry.of(object.id(), Action.SKIPPED, "excluded"));
      } else {
        planner.add(object);
      }
    }
    return planner.plans();
  }

  private boolean excluded(KubeObject object) {
    for (Map.Entry<String, String> pair : options.exclusions().entrySet()) {
      if (pair.getValue().equals(object.labels().get(pair.getKey()))
          || pair.getValue().equals(object.annotations().get(pair.getKey()))) {
        return true;
      }
    }
    return false;
  }

  private List<Decision> validate(List<ObjectPlan> plans, String what) {
    List<Decision> decisions = plans.stream().map(applier::decide).toList();
    List<ApplyFailure> failures =
        decisions.stream()
            .filter(Decision::failed)
            .map(d -> new ApplyFailure(d.plan().id(), d.reason()))
            .toList();
    if (!failures.isEmpty()) {
      throw new ApplyException(what, failures, new ChangeSet(done));
    }
    return decisions;
  }

  private void execute(List<Decision> decisions) {
    for (Decision decision : decisions) {
      try {
        done.add(applier.execute(decision));
      } catch (ClusterException e) {
        ApplyFailure failure = new ApplyFailure(decision.plan().id(), e.getMessage());
        done.add(ChangeSetEntry.failed(failure.id(), failure.reason()));
        throw new ApplyException("apply failed", List.of(failure), new ChangeSet(done));
      }
    }
  }

  /** Waits until every CRD of the set reports Established=True. */
  private void awaitEstablished(List<ObjectPlan> plans) {
    List<ObjectId> crds =
        plans.stream().map(ObjectPlan::id).filter(id -> KindOrder.isCrd(id.gvk())).toList();
    if (crds.isEmpty()) {
      return;
    }
    Set<ObjectId> pending = new HashSet<>(crds);
    boolean established =
        poller.await(
            () -> {
              pending.removeIf(this::established);
              return pending.isEmpty();
            },
            options.waitTimeout());
    if (!established) {
      List<ApplyFailure> failures =
          pending.stream()
              .map(
                  id ->
                      new ApplyFailure(
                          id, "not Established after " + options.waitTimeout().toSeconds() + "s"))
              .toList();
      throw new ApplyException("CRDs not established", failures, new ChangeSet(done));
    }
  }

  private boolean established(ObjectId crd) {
    Optional<KubeObject> live = cluster.get(crd);
    if (live.isEmpty()) {
      return false;
    }
    for (JsonNode condition : live.get().node().path("status").path("conditions")) {
      if ("Established".equals(condition.path("type").asText())
          && "True".equals(condition.path("status").asText())) {
        return true;
      }
    }
    return false;
  }
}

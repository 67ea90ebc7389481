package dev.cairn.engine.argo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.argo.AppProject;
import dev.cairn.api.argo.AppProjectSpec;
import dev.cairn.api.argo.ApplicationDestination;
import dev.cairn.engine.FieldRefusals;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.Trigger;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * Steps {@code checkProject} and {@code checkResources}: the Application's project must exist (the
 * project {@code default} always does and allows everything, unless an AppProject of that name says
 * otherwise), its sources and destination must be permitted, its destination must be the cluster
 * Cairn runs in, and (after rendering) every kind it deploys must be permitted. A broken rule
 * stalls the run with Argo CD's message as an {@code InvalidSpecError} condition; nothing is
 * applied.
 */
final class ProjectStep {
  private final KubernetesClient client;
  private final AppProjects projects;

  ProjectStep(KubernetesClient client, AppProjects projects) {
    this.client = client;
    this.projects = projects;
  }

  StepResult checkProject(ApplicationRun run) {
    ApplicationDestination dest = run.spec().destination();
    if (!Destinations.inCluster(dest)) {
      refuse(
          run,
          "cluster "
              + (dest.name() != null && !dest.name().isEmpty() ? dest.name() : dest.server())
              + " is not supported by this version of Cairn: only the cluster it runs in"
              + " (server https://kubernetes.default.svc, name in-cluster)");
    }
    ProjectRules rules = rules(run);
    rules
        .checkApplication(run.spec().effectiveSources(), dest)
        .ifPresent(message -> refuse(run, message));
    run.own(OwnedCondition.removed(ArgoReasons.INVALID_SPEC_ERROR));
    return StepResult.proceed();
  }

  StepResult checkResources(ApplicationRun run) {
    rules(run).checkResources(run.desired()).ifPresent(message -> refuse(run, message));
    return StepResult.proceed();
  }

  /** The project's rules, read once per run: {@link AppProjects} says from where. */
  private ProjectRules rules(ApplicationRun run) {
    if (run.projectRules() == null) {
      run.projectRules(read(run));
    }
    return run.projectRules();
  }

  private ProjectRules read(ApplicationRun run) {
    String name = run.spec().project();
    // A new spec or a changed project reads the server: the watch may not have delivered it yet.
    boolean fresh = run.trigger() == Trigger.WATCH || run.trigger() == Trigger.SOURCE_CHANGED;
    AppProject project = projects.get(run.key().namespace(), name, fresh).orElse(null);
    if (project == null) {
      if (AppProject.DEFAULT.equals(name)) {
        return new ProjectRules(name, null);
      }
      refuse(run, "Application referencing project " + name + " which does not exist");
    }
    AppProjectSpec spec = Optional.ofNullable(project.getSpec()).orElse(emptySpec());
    FieldRefusals.firstRefused(
            AppProjectRefusals.FIELDS,
            client.getKubernetesSerialization().convertValue(spec, JsonNode.class))
        .ifPresent(why -> refuse(run, "project " + name + ": " + why));
    return new ProjectRules(name, spec);
  }

  private static AppProjectSpec emptySpec() {
    return new AppProjectSpec(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private static void refuse(ApplicationRun run, String message) {
    run.own(
        OwnedCondition.isTrue(
            ArgoReasons.INVALID_SPEC_ERROR, ConditionReasons.INVALID_SPEC, message));
    run.syncMessage(message);
    throw new ReconcileException.Stalled(ConditionReasons.INVALID_SPEC, message);
  }
}

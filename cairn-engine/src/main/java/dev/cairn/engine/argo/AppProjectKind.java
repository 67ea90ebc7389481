package dev.cairn.engine.argo;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.argo.AppProject;
import dev.cairn.api.argo.AppProjectStatus;
import dev.cairn.engine.FieldRefusal;
import dev.cairn.engine.KindDefinition;
import dev.cairn.engine.RunOutcome;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.Trigger;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Argo CD's AppProject: a set of rules the Applications of the project are held to when they sync
 * ({@link ProjectRules}). Its own reconciliation only checks the spec: fields Cairn does not act on
 * stall it (and its Applications) with a clear message; otherwise it is Ready.
 */
public final class AppProjectKind
    implements KindDefinition<AppProject, AppProjectStatus, AppProjectRun> {

  /** The AppProject reconciler: this kind on the engine's skeleton. */
  public static StepReconciler<AppProject, AppProjectStatus, AppProjectRun> reconciler(
      KubernetesClient client, Clock clock) {
    return new StepReconciler<>(client, new AppProjectKind(), clock);
  }

  @Override
  public Class<AppProject> resourceClass() {
    return AppProject.class;
  }

  @Override
  public AppProjectStatus emptyStatus() {
    return new AppProjectStatus();
  }

  @Override
  public AppProjectRun newRun(
      AppProject object, Trigger trigger, AppProjectStatus draft, Clock clock) {
    return new AppProjectRun(object, trigger, draft, clock);
  }

  @Override
  public boolean suspended(AppProject object) {
    return false;
  }

  @Override
  public List<Step<AppProjectRun>> steps() {
    return List.of(Step.of("accept", AppProjectKind::accept));
  }

  private static StepResult accept(AppProjectRun run) {
    run.succeedWith("project rules are in force");
    return StepResult.proceed();
  }

  @Override
  public List<FieldRefusal> refusedFields() {
    return AppProjectRefusals.FIELDS;
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
  public void finish(AppProjectRun run, RunOutcome outcome) {}

  @Override
  public void announce(AppProjectRun run, RunOutcome outcome, AppProjectStatus before) {}
}

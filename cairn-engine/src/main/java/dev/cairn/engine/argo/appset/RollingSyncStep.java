package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.argo.ApplicationSetMatchExpression;
import dev.cairn.api.argo.ApplicationSetRolloutStep;
import dev.cairn.api.argo.ApplicationSetSpec;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.engine.StepResult;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code rollingSync} step ({@code strategy.type: RollingSync}): Applications belong to the
 * first step whose {@code matchExpressions} all match their labels; the first step with an
 * Application not yet Synced and Healthy is the current one; up to {@code maxUpdate} of its
 * Applications (a number, or a percentage rounded down but at least one; all when unset; none at 0)
 * are synced at once by setting their {@code operation}, as {@code argocd app sync} does.
 * Applications that match no step are left to be synced by hand, as in Argo CD.
 */
final class RollingSyncStep {
  private final ApplicationsStep applications;

  RollingSyncStep(ApplicationsStep applications) {
    this.applications = applications;
  }

  StepResult run(ApplicationSetRun run) {
    ApplicationSetSpec spec = run.object().getSpec();
    if (!ApplicationGeneration.rollingSync(spec)) {
      run.own(OwnedCondition.removed(ApplicationSetConditions.ROLLOUT_PROGRESSING));
      return StepResult.proceed();
    }
    List<ApplicationSetRolloutStep> steps =
        spec.strategy().rollingSync() == null || spec.strategy().rollingSync().steps() == null
            ? List.of()
            : spec.strategy().rollingSync().steps();
    Map<Integer, List<ObjectNode>> byStep = byStep(run, steps);
    for (int i = 0; i < steps.size(); i++) {
      List<ObjectNode> apps = byStep.getOrDefault(i, List.of());
      if (apps.stream().allMatch(app -> ApplicationHealth.of(app).done())) {
        continue;
      }
      int started = startSyncs(run, apps, maxUpdate(steps.get(i).maxUpdate(), apps.size()));
      String message =
          "step " + (i + 1) + " of " + steps.size() + ": " + started + " Application(s) syncing";
      run.own(
          OwnedCondition.isTrue(
              ApplicationSetConditions.ROLLOUT_PROGRESSING,
              ApplicationSetConditions.APPLICATION_SET_MODIFIED,
              message));
      if (run.waitingFor() == null) {
        run.waitingFor("RollingSync " + message);
      }
      return StepResult.proceed();
    }
    run.own(
        OwnedCondition.isFalse(
            ApplicationSetConditions.ROLLOUT_PROGRESSING,
            ApplicationSetConditions.ROLLOUT_COMPLETE,
            "ApplicationSet Rollout has completed"));
    return StepResult.proceed();
  }

  /** Live Applications of the set by the index of the first step they match. */
  static Map<Integer, List<ObjectNode>> byStep(
      ApplicationSetRun run, List<ApplicationSetRolloutStep> steps) {
    Map<Integer, List<ObjectNode>> out = new LinkedHashMap<>();
    for (GeneratedApplication generated : run.generated()) {
      ObjectNode app = run.live().get(generated.name());
      if (app == null) {
        continue;
      }
      Integer step = stepOf(app.path("metadata").path("labels"), steps);
      if (step != null) {
        out.computeIfAbsent(step, k -> new ArrayList<>()).add(app);
      }
    }
    return out;
  }

  static Integer stepOf(JsonNode labels, List<ApplicationSetRolloutStep> steps) {
    Map<String, Object> values = new LinkedHashMap<>();
    labels.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
    for (int i = 0; i < steps.size(); i++) {
      boolean all = true;
      List<ApplicationSetMatchExpression> expressions =
          steps.get(i).matchExpressions() == null ? List.of() : steps.get(i).matchExpressions();
      for (ApplicationSetMatchExpression e : expressions) {
        ObjectNode expression =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        expression.put("key", e.key());
        expression.put("operator", e.operator());
        e.values().forEach(expression.putArray("values")::add);
        all &=
            ParamSelector.matchesExpression(
                expression, values, "spec.strategy.rollingSync.steps[" + i + "]");
      }
      if (all) {
        return i;
      }
    }
    return null;
  }

  static int maxUpdate(IntOrString value, int size) {
    if (value == null) {
      return size;
    }
    if (value.getIntVal() != null) {
      return value.getIntVal();
    }
    String text = value.getStrVal().trim();
    if (text.endsWith("%")) {
      int percent = Integer.parseInt(text.substring(0, text.length() - 1));
      return percent == 0 ? 0 : Math.max(1, size * percent / 100);
    }
    return Integer.parseInt(text);
  }

  private int startSyncs(ApplicationSetRun run, List<ObjectNode> apps, int max) {
    int running = (int) apps.stream().filter(app -> ApplicationHealth.of(app).operating()).count();
    int started = running;
    for (ObjectNode app : apps) {
      ApplicationHealth health = ApplicationHealth.of(app);
      if (started >= max) {
        break;
      }
      if (!health.done() && !health.operating() && !"Synced".equals(health.sync())) {
        ObjectNode updated = app.deepCopy();
        ObjectNode operation = updated.putObject("operation");
        operation
            .putObject("initiatedBy")
            .put("username", "applicationset-controller")
            .put("automated", true);
        operation
            .putArray("info")
            .addObject()
            .put("name", "Reason")
            .put(
                "value",
                "ApplicationSet RollingSync triggered a sync of this Application resource.");
        operation.putObject("sync");
        applications
            .applications()
            .inNamespace(run.key().namespace())
            .resource(applications.resource(updated))
            .update();
        started++;
      }
    }
    return started;
  }
}

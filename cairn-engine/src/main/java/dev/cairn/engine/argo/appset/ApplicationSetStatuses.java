package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.CairnApi;
import dev.cairn.api.argo.ApplicationSetApplicationStatus;
import dev.cairn.api.argo.ApplicationSetResource;
import dev.cairn.api.argo.ApplicationSetResourceHealth;
import dev.cairn.api.argo.ApplicationSetRolloutStep;
import dev.cairn.api.argo.ApplicationSetSpec;
import dev.cairn.api.argo.ApplicationSetStatus;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code status.resources} (each generated Application with its sync status and health, as Argo CD
 * lists them), {@code resourcesCount}, and under a RollingSync {@code applicationStatus} (step and
 * Waiting, Pending, Progressing or Healthy per Application).
 */
final class ApplicationSetStatuses {
  private ApplicationSetStatuses() {}

  static void record(ApplicationSetRun run) {
    ApplicationSetStatus status = run.status();
    if (run.generated().isEmpty() && run.live().isEmpty()) {
      return;
    }
    List<ApplicationSetResource> resources = new ArrayList<>();
    for (GeneratedApplication app : run.generated()) {
      ObjectNode live = run.live().get(app.name());
      if (live == null) {
        continue;
      }
      ApplicationHealth health = ApplicationHealth.of(live);
      resources.add(
          new ApplicationSetResource(
              CairnApi.GROUP,
              CairnApi.VERSION,
              ApplicationsStep.APPLICATION_KIND,
              run.key().namespace(),
              app.name(),
              health.sync().isEmpty() ? null : health.sync(),
              new ApplicationSetResourceHealth(
                  health.health().isEmpty() ? null : health.health(),
                  live.path("status").path("health").path("message").asText(null))));
    }
    status.setResources(resources.isEmpty() ? null : resources);
    status.setResourcesCount(resources.isEmpty() ? null : (long) resources.size());
    status.setApplicationStatus(rollout(run));
  }

  private static List<ApplicationSetApplicationStatus> rollout(ApplicationSetRun run) {
    ApplicationSetSpec spec = run.object().getSpec();
    if (!ApplicationGeneration.rollingSync(spec) || spec.strategy().rollingSync() == null) {
      return null;
    }
    List<ApplicationSetRolloutStep> steps =
        spec.strategy().rollingSync().steps() == null
            ? List.of()
            : spec.strategy().rollingSync().steps();
    Map<String, ApplicationSetApplicationStatus> before = new HashMap<>();
    if (run.status().getApplicationStatus() != null) {
      run.status().getApplicationStatus().forEach(s -> before.put(s.application(), s));
    }
    String now =
        DateTimeFormatter.ISO_INSTANT.format(
            run.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    List<ApplicationSetApplicationStatus> out = new ArrayList<>();
    for (GeneratedApplication app : run.generated()) {
      ObjectNode live = run.live().get(app.name());
      if (live == null) {
        continue;
      }
      Integer step = RollingSyncStep.stepOf(live.path("metadata").path("labels"), steps);
      ApplicationHealth health = ApplicationHealth.of(live);
      String state =
          health.done()
              ? "Healthy"
              : health.operating()
                  ? "Progressing"
                  : "Synced".equals(health.sync()) ? "Pending" : "Waiting";
      ApplicationSetApplicationStatus previous = before.get(app.name());
      String since =
          previous != null && state.equals(previous.status()) ? previous.lastTransitionTime() : now;
      out.add(
          new ApplicationSetApplicationStatus(
              app.name(),
              since,
              message(state),
              state,
              step == null ? "-1" : String.valueOf(step + 1)));
    }
    return out;
  }

  private static String message(String state) {
    return switch (state) {
      case "Healthy" ->
          "Application resource became Healthy, updating status from Progressing to Healthy.";
      case "Progressing" ->
          "Application resource became Progressing, updating status from Pending to Progressing.";
      case "Pending" ->
          "Application moved to Pending status, watching for the Application resource to start Progressing.";
      default ->
          "Application is out of date with the current AppSet generation, setting status to Waiting.";
    };
  }
}

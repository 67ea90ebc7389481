package dev.cairn.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.manifest.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * core/Pod, after kstatus: Succeeded is Current, Failed is Failed, Running and Ready is Current; a
 * container in CrashLoopBackOff fails the pod; anything else (pending, unschedulable, pulling
 * images) is in progress with the waiting reason in the message.
 */
final class PodCheck implements HealthCheck {

  @Override
  public Health check(KubeObject object) {
    JsonNode node = object.node();
    Fields f = Fields.of(node);
    String phase = f.text("/status/phase", "");
    if (phase.equals("Succeeded")) {
      return Health.current("Pod completed successfully");
    }
    if (phase.equals("Failed")) {
      String reason = f.text("/status/reason", "");
      String message = f.text("/status/message", "");
      String detail = reason.isEmpty() ? message : Messages.join(reason, message);
      return Health.failed(Messages.join("Pod failed", detail));
    }
    Optional<Condition> ready = Condition.find(node, "Ready");
    if (phase.equals("Running") && ready.isPresent() && ready.get().isTrue()) {
      return Health.current("Pod is running and ready");
    }
    List<String> crashing = waitingContainers(node, "CrashLoopBackOff");
    if (!crashing.isEmpty()) {
      return Health.failed("containers in CrashLoopBackOff: " + String.join(", ", crashing));
    }
    Optional<Condition> scheduled = Condition.find(node, "PodScheduled");
    if (scheduled.isPresent() && scheduled.get().isFalse()) {
      return Health.inProgress(Messages.join("Pod is not scheduled", scheduled.get().describe()));
    }
    List<String> waiting = waitingContainers(node, null);
    if (!waiting.isEmpty()) {
      return Health.inProgress("containers waiting: " + String.join(", ", waiting));
    }
    return Health.inProgress(
        phase.isEmpty() ? "Pod is not ready" : "Pod is " + phase + ", not ready");
  }

  /** {@code name (reason)} of containers waiting with the given reason, or any reason if null. */
  private static List<String> waitingContainers(JsonNode pod, String reason) {
    List<String> names = new ArrayList<>();
    for (String field : List.of("initContainerStatuses", "containerStatuses")) {
      for (JsonNode status : pod.path("status").path(field)) {
        String waitingReason = status.path("state").path("waiting").path("reason").asText("");
        if (waitingReason.isEmpty() || (reason != null && !reason.equals(waitingReason))) {
          continue;
        }
        names.add(status.path("name").asText("?") + " (" + waitingReason + ")");
      }
    }
    return names;
  }
}

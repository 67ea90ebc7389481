package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Table row of a Pod, after {@code printPod}: READY as ready/total containers, STATUS the phase
 * (or {@code status.reason}), overridden by the last container's waiting or terminated reason,
 * {@code Terminating} while being deleted, RESTARTS the sum of restart counts. Init containers'
 * states ({@code Init:1/2}) are not modelled: the simulated cluster runs no pods.
 */
final class PodRow {
  private PodRow() {}

  static List<Object> cells(JsonNode pod) {
    JsonNode status = pod.path("status");
    String reason = status.path("phase").asText("");
    if (!status.path("reason").asText("").isEmpty()) {
      reason = status.path("reason").asText();
    }
    int ready = 0;
    long restarts = 0;
    JsonNode statuses = status.path("containerStatuses");
    for (int i = statuses.size() - 1; i >= 0; i--) {
      JsonNode container = statuses.get(i);
      restarts += container.path("restartCount").asLong(0);
      JsonNode state = container.path("state");
      String waiting = state.path("waiting").path("reason").asText("");
      String terminated = state.path("terminated").path("reason").asText("");
      if (!waiting.isEmpty()) {
        reason = waiting;
      } else if (!terminated.isEmpty()) {
        reason = terminated;
      } else if (state.has("terminated")) {
        reason = "ExitCode:" + state.path("terminated").path("exitCode").asLong(0);
      } else if (container.path("ready").asBoolean(false) && state.has("running")) {
        ready++;
      }
    }
    String phase = status.path("phase").asText("");
    if (pod.path("metadata").hasNonNull("deletionTimestamp")
        && !phase.equals("Succeeded")
        && !phase.equals("Failed")) {
      reason = "Terminating";
    }
    List<Object> cells = new ArrayList<>();
    cells.add(TableCells.name(pod));
    cells.add(ready + "/" + pod.path("spec").path("containers").size());
    cells.add(reason);
    cells.add(Long.toString(restarts));
    cells.add(TableCells.age(pod));
    JsonNode ips = status.path("podIPs");
    cells.add(ips.size() > 0 ? TableCells.textOr(ips.get(0).path("ip"), "<none>") : "<none>");
    cells.add(TableCells.textOr(pod.path("spec").path("nodeName"), "<none>"));
    cells.add(TableCells.textOr(status.path("nominatedNodeName"), "<none>"));
    cells.add(readinessGates(pod));
    return cells;
  }

  private static String readinessGates(JsonNode pod) {
    JsonNode gates = pod.path("spec").path("readinessGates");
    if (gates.isEmpty()) {
      return "<none>";
    }
    int met = 0;
    for (JsonNode gate : gates) {
      if (TableCells.hasTrueCondition(pod, gate.path("conditionType").asText())) {
        met++;
      }
    }
    return met + "/" + gates.size();
  }
}

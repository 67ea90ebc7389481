package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An Application's sync and health as its status says ({@code status.sync.status}, {@code
 * status.health.status}) and whether an operation (a sync) is running on it.
 */
record ApplicationHealth(String sync, String health, boolean operating) {

  static ApplicationHealth of(JsonNode application) {
    JsonNode status = application.path("status");
    String phase = status.path("operationState").path("phase").asText("");
    return new ApplicationHealth(
        status.path("sync").path("status").asText(""),
        status.path("health").path("status").asText(""),
        application.has("operation") && !application.get("operation").isNull()
            || phase.equals("Running"));
  }

  boolean done() {
    return "Synced".equals(sync) && "Healthy".equals(health) && !operating;
  }
}

package dev.cairn.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.manifest.KubeObject;

/**
 * A small built-in {@link HealthProbe} until the health module is plugged in: Deployments,
 * StatefulSets, DaemonSets and ReplicaSets by available replicas, Jobs by their Complete/Failed
 * conditions, anything else by a {@code Ready} condition when it has one, else Current.
 */
public final class BasicHealthProbe implements HealthProbe {

  @Override
  public Result check(KubeObject live) {
    JsonNode node = live.node();
    JsonNode metadata = node.path("metadata");
    if (metadata.hasNonNull("deletionTimestamp")) {
      return new Result(HealthState.TERMINATING, "being deleted");
    }
    JsonNode status = node.path("status");
    long generation = metadata.path("generation").asLong(0);
    if (status.has("observedGeneration")
        && status.path("observedGeneration").asLong() < generation) {
      return new Result(
          HealthState.IN_PROGRESS, "the controller has not seen generation " + generation);
    }
    return switch (live.kind()) {
      case "Deployment", "StatefulSet", "ReplicaSet" -> replicas(node, status);
      case "DaemonSet" -> daemons(status);
      case "Job" -> job(status);
      default -> byReadyCondition(status);
    };
  }

  private static Result replicas(JsonNode node, JsonNode status) {
    JsonNode progressing = condition(status, "Progressing");
    if ("False".equals(progressing.path("status").asText())) {
      return new Result(
          HealthState.FAILED,
          progressing.path("reason").asText("not progressing")
              + textOrEmpty(": ", progressing.path("message").asText("")));
    }
    long wanted = node.path("spec").path("replicas").asLong(1);
    String field =
        node.path("kind").asText().equals("Deployment") ? "availableReplicas" : "readyReplicas";
    long available = status.path(field).asLong(0);
    if (available < wanted) {
      return new Result(
          HealthState.IN_PROGRESS,
          available
              + " of "
              + wanted
              + " replicas "
              + (field.startsWith("available") ? "available" : "ready"));
    }
    return Result.current();
  }

  private static Result daemons(JsonNode status) {
    long wanted = status.path("desiredNumberScheduled").asLong(0);
    long ready = status.path("numberReady").asLong(0);
    return ready < wanted || !status.has("desiredNumberScheduled")
        ? new Result(HealthState.IN_PROGRESS, ready + " of " + wanted + " pods ready")
        : Result.current();
  }

  private static Result job(JsonNode status) {
    JsonNode failed = condition(status, "Failed");
    if ("True".equals(failed.path("status").asText())) {
      return new Result(
          HealthState.FAILED, "job failed: " + failed.path("reason").asText("unknown reason"));
    }
    if ("True".equals(condition(status, "Complete").path("status").asText())) {
      return Result.current();
    }
    return new Result(HealthState.IN_PROGRESS, "job not complete");
  }

  private static Result byReadyCondition(JsonNode status) {
    JsonNode ready = condition(status, "Ready");
    if (ready.isMissingNode()) {
      return Result.current();
    }
    return switch (ready.path("status").asText()) {
      case "True" -> Result.current();
      case "False" ->
          new Result(
              HealthState.IN_PROGRESS,
              ready.path("reason").asText("not ready")
                  + textOrEmpty(": ", ready.path("message").asText("")));
      default -> new Result(HealthState.UNKNOWN, "Ready condition is Unknown");
    };
  }

  private static JsonNode condition(JsonNode status, String type) {
    for (JsonNode condition : status.path("conditions")) {
      if (type.equals(condition.path("type").asText())) {
        return condition;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static String textOrEmpty(String prefix, String text) {
    return text.isEmpty() ? "" : prefix + text;
  }
}

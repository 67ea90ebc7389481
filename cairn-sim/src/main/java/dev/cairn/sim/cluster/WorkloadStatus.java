package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The status the controller manager (with every pod running) would give a workload: ready and
 * consistent with the spec, or failing the way the kind really fails. One simulated node, so a
 * DaemonSet wants one pod.
 */
final class WorkloadStatus {
  /**
   * The failure "reason" that means not failed but never ready: a Deployment stays Progressing=True
   * ({@code ReplicaSetUpdated}) without available replicas, a Job stays active, the others have no
   * ready replicas.
   */
  static final String PROGRESSING = "ReplicaSetUpdated";

  private WorkloadStatus() {}

  static boolean handles(ResourceType type) {
    return switch (type.group() + "/" + type.kind()) {
      case "apps/Deployment",
          "apps/StatefulSet",
          "apps/DaemonSet",
          "apps/ReplicaSet",
          "batch/Job" ->
          true;
      default -> false;
    };
  }

  /** The status for {@code object}; {@code failure} is the failure reason, or null for ready. */
  static ObjectNode of(
      ResourceType type, JsonNode object, JsonNode previousStatus, String failure) {
    long generation = object.path("metadata").path("generation").asLong(1);
    int replicas = object.path("spec").path("replicas").asInt(1);
    String revision = object.path("metadata").path("name").asText() + "-" + templateHash(object);
    ObjectNode status = Json.MAPPER.createObjectNode();
    switch (type.kind()) {
      case "Deployment" -> deployment(status, generation, replicas, revision, failure);
      case "StatefulSet" -> {
        status.put("observedGeneration", generation);
        putCount(status, "replicas", replicas);
        putCount(status, "currentReplicas", failure == null ? replicas : 0);
        putCount(status, "updatedReplicas", replicas);
        putCount(status, "readyReplicas", failure == null ? replicas : 0);
        putCount(status, "availableReplicas", failure == null ? replicas : 0);
        String current = previousStatus.path("currentRevision").asText(revision);
        status.put("currentRevision", failure == null ? revision : current);
        status.put("updateRevision", revision);
        status.put("collisionCount", 0);
      }
      case "DaemonSet" -> {
        status.put("observedGeneration", generation);
        status.put("currentNumberScheduled", 1).put("desiredNumberScheduled", 1);
        status.put("numberMisscheduled", 0).put("updatedNumberScheduled", 1);
        status.put("numberReady", failure == null ? 1 : 0);
        if (failure == null) {
          status.put("numberAvailable", 1);
        } else {
          status.put("numberUnavailable", 1);
        }
      }
      case "ReplicaSet" -> {
        status.put("observedGeneration", generation);
        putCount(status, "replicas", replicas);
        putCount(status, "fullyLabeledReplicas", replicas);
        putCount(status, "readyReplicas", failure == null ? replicas : 0);
        putCount(status, "availableReplicas", failure == null ? replicas : 0);
      }
      case "Job" -> job(status, object, previousStatus, failure);
      default -> throw new IllegalArgumentException("no simulated status for " + type.kind());
    }
    return status;
  }

  private static void deployment(
      ObjectNode status, long generation, int replicas, String revision, String failure) {
    status.put("observedGeneration", generation);
    putCount(status, "replicas", replicas);
    putCount(status, "updatedReplicas", replicas);
    ArrayNode conditions = status.putArray("conditions");
    String now = ObjectWriter.now();
    if (failure == null) {
      putCount(status, "readyReplicas", replicas);
      putCount(status, "availableReplicas", replicas);
      condition(
          conditions,
          "Available",
          "True",
          "MinimumReplicasAvailable",
          "Deployment has minimum availability.",
          now);
      condition(
          conditions,
          "Progressing",
          "True",
          "NewReplicaSetAvailable",
          "ReplicaSet \"" + revision + "\" has successfully progressed.",
          now);
    } else {
      putCount(status, "unavailableReplicas", replicas);
      condition(
          conditions,
          "Available",
          "False",
          "MinimumReplicasUnavailable",
          "Deployment does not have minimum availability.",
          now);
      boolean progressing = PROGRESSING.equals(failure);
      condition(
          conditions,
          "Progressing",
          progressing ? "True" : "False",
          failure,
          "ReplicaSet \""
              + revision
              + (progressing ? "\" is progressing." : "\" has timed out progressing."),
          now);
    }
  }

  private static void job(ObjectNode status, JsonNode job, JsonNode previous, String failure) {
    String now = ObjectWriter.now();
    status.put("startTime", previous.path("startTime").asText(now));
    ArrayNode conditions = status.putArray("conditions");
    if (failure == null) {
      int completions = job.path("spec").path("completions").asInt(1);
      status.put("completionTime", now);
      status.put("succeeded", completions);
      status.put("ready", 0);
      condition(
          conditions,
          "SuccessCriteriaMet",
          "True",
          "CompletionsReached",
          "Reached expected number of succeeded pods",
          now);
      condition(
          conditions,
          "Complete",
          "True",
          "CompletionsReached",
          "Reached expected number of succeeded pods",
          now);
    } else if (PROGRESSING.equals(failure)) {
      status.put("active", 1);
      status.put("ready", 0);
    } else {
      status.put("failed", job.path("spec").path("backoffLimit").asInt(6) + 1);
      status.put("ready", 0);
      condition(
          conditions,
          "FailureTarget",
          "True",
          failure,
          "Job has reached the specified backoff limit",
          now);
      condition(
          conditions,
          "Failed",
          "True",
          failure,
          "Job has reached the specified backoff limit",
          now);
    }
  }

  private static void condition(
      ArrayNode conditions, String type, String status, String reason, String message, String now) {
    ObjectNode c = conditions.addObject();
    c.put("type", type).put("status", status);
    c.put("lastUpdateTime", now).put("lastTransitionTime", now);
    c.put("reason", reason).put("message", message);
  }

  /** Zero counts are omitted, as the real status serialisation omits them. */
  private static void putCount(ObjectNode status, String field, int value) {
    if (value != 0) {
      status.put(field, value);
    }
  }

  private static String templateHash(JsonNode object) {
    int hash = object.path("spec").path("template").toString().hashCode();
    return Integer.toHexString(hash & 0x7fffffff);
  }

  /** The status without timestamps, to tell a real change from a re-run. */
  static JsonNode withoutTimes(JsonNode status) {
    JsonNode copy = status.deepCopy();
    for (JsonNode condition : copy.path("conditions")) {
      ((ObjectNode) condition).remove(java.util.List.of("lastUpdateTime", "lastTransitionTime"));
    }
    if (copy.isObject()) {
      ((ObjectNode) copy).remove(java.util.List.of("startTime", "completionTime"));
    }
    return copy;
  }
}

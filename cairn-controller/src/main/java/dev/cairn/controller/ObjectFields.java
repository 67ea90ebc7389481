package dev.cairn.controller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.ReconcileStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few fields every Cairn kind shares that the runtime reads without knowing the kind: {@code
 * spec.interval}, {@code spec.suspend} and the status.
 */
final class ObjectFields {
  private final KubernetesSerialization serialization;

  ObjectFields(KubernetesSerialization serialization) {
    this.serialization = serialization;
  }

  /** {@code spec.interval}, if present and valid. */
  Optional<Duration> interval(HasMetadata object) {
    JsonNode value = spec(object).path("interval");
    if (!value.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(FluxDuration.parse(value.asText()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** {@code spec.suspend == true}. */
  boolean suspended(HasMetadata object) {
    return spec(object).path("suspend").asBoolean(false);
  }

  /** The status, when the object is a Cairn kind that has one. */
  static Optional<ReconcileStatus> status(HasMetadata object) {
    if (object instanceof CustomResource<?, ?> resource
        && resource.getStatus() instanceof ReconcileStatus status) {
      return Optional.of(status);
    }
    return Optional.empty();
  }

  /**
   * The revision a status names, for logs: the last attempted revision (Kustomization,
   * HelmRelease), else the last applied one, else the artifact's (sources), else the synced one
   * (Application: {@code sync.revision}, or {@code sync.revisions} comma-separated for several
   * sources); empty when none.
   */
  String revision(Object status) {
    if (status == null) {
      return "";
    }
    JsonNode node = serialization.convertValue(status, JsonNode.class);
    for (JsonNode candidate :
        new JsonNode[] {
          node.path("lastAttemptedRevision"),
          node.path("lastAppliedRevision"),
          node.path("artifact").path("revision"),
          node.path("sync").path("revision")
        }) {
      if (candidate.isTextual() && !candidate.asText().isEmpty()) {
        return candidate.asText();
      }
    }
    List<String> revisions = new ArrayList<>();
    node.path("sync").path("revisions").forEach(r -> revisions.add(r.asText()));
    return String.join(",", revisions);
  }

  private JsonNode spec(HasMetadata object) {
    if (object instanceof CustomResource<?, ?> resource && resource.getSpec() != null) {
      return serialization.convertValue(resource.getSpec(), JsonNode.class);
    }
    return serialization.convertValue(object, JsonNode.class).path("spec");
  }
}

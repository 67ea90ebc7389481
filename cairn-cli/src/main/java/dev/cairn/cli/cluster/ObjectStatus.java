package dev.cairn.cli.cluster;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code cairn get} shows of one Cairn object: Ready as {@code True}, {@code False} or {@code
 * Unknown}, the Ready message, the revision it runs (or last attempted) and, for structured output,
 * the whole status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectStatus(
    String kind,
    String namespace,
    String name,
    String revision,
    boolean suspended,
    boolean observed,
    boolean stalled,
    String ready,
    String reason,
    String message,
    String lastHandledReconcileAt,
    JsonNode status) {

  /** Ready is True (a method, not a property: the {@code ready} component carries the text). */
  public boolean readyTrue() {
    return "True".equals(ready);
  }

  @JsonIgnore
  public CairnObjectRef ref() {
    return new CairnObjectRef(CairnKind.valueOf(kind), namespace, name);
  }

  /** Status fields read from an object's JSON tree. */
  static ObjectStatus of(CairnKind kind, JsonNode object) {
    JsonNode status = object.path("status");
    JsonNode readyCondition = null;
    boolean stalled = false;
    for (JsonNode condition : status.path("conditions")) {
      if ("Ready".equals(condition.path("type").asText())) {
        readyCondition = condition;
      }
      if ("Stalled".equals(condition.path("type").asText())) {
        stalled = "True".equals(condition.path("status").asText());
      }
    }
    long generation = object.at("/metadata/generation").asLong(0);
    return new ObjectStatus(
        kind.name(),
        object.at("/metadata/namespace").asText(),
        object.at("/metadata/name").asText(),
        revision(kind, status),
        object.at("/spec/suspend").asBoolean(false),
        status.path("observedGeneration").asLong(-1) == generation,
        stalled,
        readyCondition == null ? "Unknown" : readyCondition.path("status").asText("Unknown"),
        readyCondition == null ? null : text(readyCondition.path("reason")),
        readyCondition == null ? "" : readyCondition.path("message").asText(""),
        text(status.path("lastHandledReconcileAt")),
        status.isMissingNode() ? null : status);
  }

  private static String revision(CairnKind kind, JsonNode status) {
    if (kind.isSource()) {
      return textOr(status.at("/artifact/revision"), "");
    }
    switch (kind) {
      case ImageRepository -> {
        String name = text(status.path("canonicalImageName"));
        return name == null
            ? ""
            : name + " (" + status.at("/lastScanResult/tagCount").asInt(0) + " tags)";
      }
      case ImagePolicy -> {
        String tag = text(status.at("/latestRef/tag"));
        return tag == null ? "" : textOr(status.at("/latestRef/name"), "") + ":" + tag;
      }
      case ImageUpdateAutomation -> {
        return textOr(status.path("lastPushCommit"), "");
      }
      case Application -> {
        JsonNode revisions = status.at("/sync/revisions");
        if (revisions.isArray() && !revisions.isEmpty()) {
          List<String> all = new ArrayList<>();
          revisions.forEach(r -> all.add(r.asText()));
          return String.join(",", all);
        }
        return textOr(status.at("/sync/revision"), "");
      }
      default -> {
        // Kustomizations and HelmReleases below
      }
    }
    String applied = text(status.path("lastAppliedRevision"));
    if (applied != null) {
      return applied;
    }
    String attempted = text(status.path("lastAttemptedRevision"));
    if (attempted != null) {
      return attempted;
    }
    return textOr(status.at("/history/0/chartVersion"), "");
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? null : node.asText();
  }

  private static String textOr(JsonNode node, String fallback) {
    String value = text(node);
    return value == null ? fallback : value;
  }
}

package dev.cairn.server.dashboard.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The adapter of the kinds whose status follows Flux's conventions (a {@code Ready} condition,
 * {@code Stalled}, {@code Reconciling}, {@code observedGeneration}); what differs between them is
 * given as JSON pointers.
 *
 * @param revisionPointers where the revision is, first non-empty wins
 * @param sourcePointers references ({@code kind}, {@code name}, {@code namespace}) to sources
 * @param helmChartStatus true when {@code status.helmChart} ({@code namespace/name}) names a
 *     HelmChart the object reads from (HelmRelease)
 */
record ConditionsKindAdapter(
    String kind,
    String group,
    String version,
    String plural,
    boolean source,
    List<String> revisionPointers,
    List<String> sourcePointers,
    boolean helmChartStatus,
    boolean suspendable,
    boolean reconcilable)
    implements KindAdapter {

  @Override
  public ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withPlural(plural)
        .withKind(kind)
        .withNamespaced(true)
        .build();
  }

  @Override
  public FleetObject read(JsonNode object) {
    String namespace = object.at("/metadata/namespace").asText("");
    FleetRef ref = new FleetRef(kind, namespace, object.at("/metadata/name").asText());
    JsonNode ready = condition(object, "Ready");
    boolean suspended = object.at("/spec/suspend").asBoolean(false);
    String readyStatus = ready == null ? "Unknown" : ready.path("status").asText("Unknown");
    return new FleetObject(
        ref,
        object.path("apiVersion").asText(""),
        health(object, ready, suspended),
        readyStatus,
        ready == null ? "" : ready.path("reason").asText(""),
        ready == null ? "" : ready.path("message").asText(""),
        revision(object),
        suspended,
        sources(object, namespace),
        dependencies(object, namespace),
        Inventory.read(object),
        object);
  }

  private static FleetHealth health(JsonNode object, JsonNode ready, boolean suspended) {
    if (suspended) {
      return FleetHealth.SUSPENDED;
    }
    if (ready == null) {
      return object.path("status").isMissingNode() ? FleetHealth.UNKNOWN : FleetHealth.PROGRESSING;
    }
    String status = ready.path("status").asText();
    JsonNode reconciling = condition(object, "Reconciling");
    boolean busy = reconciling != null && "True".equals(reconciling.path("status").asText());
    long generation = object.at("/metadata/generation").asLong(0);
    boolean observed = object.at("/status/observedGeneration").asLong(-1) >= generation;
    if ("True".equals(status)) {
      return observed && !busy ? FleetHealth.HEALTHY : FleetHealth.PROGRESSING;
    }
    if ("False".equals(status)) {
      return busy ? FleetHealth.PROGRESSING : FleetHealth.FAILED;
    }
    return FleetHealth.PROGRESSING;
  }

  private String revision(JsonNode object) {
    for (String pointer : revisionPointers) {
      String value = object.at(pointer).asText("");
      if (!value.isEmpty()) {
        return value;
      }
    }
    return "";
  }

  private List<FleetRef> sources(JsonNode object, String namespace) {
    List<FleetRef> result = new ArrayList<>();
    if (helmChartStatus) {
      String chart = object.at("/status/helmChart").asText("");
      int slash = chart.indexOf('/');
      if (slash > 0) {
        result.add(
            new FleetRef("HelmChart", chart.substring(0, slash), chart.substring(slash + 1)));
      }
    }
    for (String pointer : sourcePointers) {
      JsonNode reference = object.at(pointer);
      if (reference.hasNonNull("kind") && reference.hasNonNull("name")) {
        result.add(
            new FleetRef(
                reference.path("kind").asText(),
                reference.path("namespace").asText(namespace),
                reference.path("name").asText()));
      }
    }
    return List.copyOf(result);
  }

  private List<FleetRef> dependencies(JsonNode object, String namespace) {
    List<FleetRef> result = new ArrayList<>();
    for (JsonNode dependency : object.at("/spec/dependsOn")) {
      if (dependency.hasNonNull("name")) {
        result.add(
            new FleetRef(
                kind,
                dependency.path("namespace").asText(namespace),
                dependency.path("name").asText()));
      }
    }
    return List.copyOf(result);
  }

  static JsonNode condition(JsonNode object, String type) {
    for (JsonNode condition : object.at("/status/conditions")) {
      if (type.equals(condition.path("type").asText())) {
        return condition;
      }
    }
    return null;
  }
}

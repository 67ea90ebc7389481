package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.argo.ApplicationSet;
import dev.cairn.api.argo.ApplicationSetStatus;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.Trigger;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reconciliation of an ApplicationSet: the Applications the generators and template produce,
 * then the Applications found in the cluster (by name), and what writing them did.
 */
public final class ApplicationSetRun extends Run<ApplicationSetStatus> {
  private final ApplicationSet object;
  private List<GeneratedApplication> generated = List.of();
  private Map<String, ObjectNode> live = new LinkedHashMap<>();
  private String waitingFor;

  ApplicationSetRun(
      ApplicationSet object, Trigger trigger, ApplicationSetStatus draft, Clock clock) {
    super(
        new ResourceKey(
            "ApplicationSet", object.getMetadata().getNamespace(), object.getMetadata().getName()),
        object.getMetadata().getGeneration() == null ? 0L : object.getMetadata().getGeneration(),
        trigger,
        List.of(),
        draft,
        clock);
    this.object = object;
  }

  public ApplicationSet object() {
    return object;
  }

  List<GeneratedApplication> generated() {
    return generated;
  }

  void generated(List<GeneratedApplication> value) {
    this.generated = List.copyOf(value);
  }

  /** The Applications in the set's namespace after the write, by name. */
  Map<String, ObjectNode> live() {
    return live;
  }

  void live(Map<String, ObjectNode> value) {
    this.live = value;
  }

  /** What the set still waits for (a sync wave, a rollout step); null when nothing. */
  String waitingFor() {
    return waitingFor;
  }

  void waitingFor(String value) {
    this.waitingFor = value;
  }
}

package dev.cairn.notify;

import java.util.Map;

/**
 * The object an event is about, as Flux's event carries it, plus its labels (for an Alert's {@code
 * matchLabels}).
 */
public record InvolvedObject(
    String apiVersion,
    String kind,
    String namespace,
    String name,
    String uid,
    String resourceVersion,
    Map<String, String> labels) {
  public InvolvedObject {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** {@code Kind/namespace/name}, as logs name it. */
  public String id() {
    return kind + "/" + namespace + "/" + name;
  }
}

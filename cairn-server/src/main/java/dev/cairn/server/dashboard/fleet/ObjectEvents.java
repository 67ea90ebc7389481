package dev.cairn.server.dashboard.fleet;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;

/** The core/v1 Events of one object, newest first: the object page's timeline. */
public final class ObjectEvents {
  /** One event as the timeline shows it. */
  public record Line(String time, String type, String reason, String message, String component) {}

  private final KubernetesClient client;

  public ObjectEvents(KubernetesClient client) {
    this.client = client;
  }

  public List<Line> of(FleetRef ref) {
    return client.v1().events().inNamespace(ref.namespace()).list().getItems().stream()
        .filter(e -> e.getInvolvedObject() != null)
        .filter(e -> ref.kind().equals(e.getInvolvedObject().getKind()))
        .filter(e -> ref.name().equals(e.getInvolvedObject().getName()))
        .map(ObjectEvents::line)
        .sorted(Comparator.comparing(Line::time).reversed())
        .toList();
  }

  private static Line line(Event event) {
    String time = event.getLastTimestamp();
    if ((time == null || time.isEmpty()) && event.getEventTime() != null) {
      time = event.getEventTime().getTime();
    }
    if (time == null || time.isEmpty()) {
      time = event.getFirstTimestamp() == null ? "" : event.getFirstTimestamp();
    }
    String component =
        event.getReportingComponent() != null
            ? event.getReportingComponent()
            : event.getSource() == null ? "" : event.getSource().getComponent();
    return new Line(
        time,
        event.getType() == null ? "" : event.getType(),
        event.getReason() == null ? "" : event.getReason(),
        event.getMessage() == null ? "" : event.getMessage().strip(),
        component == null ? "" : component);
  }
}

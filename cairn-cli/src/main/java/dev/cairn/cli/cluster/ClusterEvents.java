package dev.cairn.cli.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The facade over core/v1 Events, optionally only those of one object. */
public final class ClusterEvents {

  /** One event as {@code cairn events} shows it. */
  public record EventLine(
      String lastSeen, String type, String reason, String object, String message) {}

  private final KubernetesClient client;

  public ClusterEvents(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Events in {@code namespace} ({@code null}: all), oldest first; with {@code forObject} ({@code
   * Kind/name}, kind case-insensitive, Cairn short names accepted) only that object's.
   */
  public List<EventLine> list(String namespace, String forObject) {
    List<Event> events =
        namespace == null
            ? client.v1().events().inAnyNamespace().list().getItems()
            : client.v1().events().inNamespace(namespace).list().getItems();
    Filter filter = forObject == null ? null : Filter.parse(forObject);
    return events.stream()
        .filter(e -> filter == null || filter.matches(e))
        .map(ClusterEvents::line)
        .sorted(Comparator.comparing(EventLine::lastSeen))
        .toList();
  }

  private static EventLine line(Event event) {
    String seen = event.getLastTimestamp();
    if (seen == null || seen.isEmpty()) {
      seen = event.getEventTime() != null ? event.getEventTime().getTime() : null;
    }
    if (seen == null || seen.isEmpty()) {
      seen = event.getFirstTimestamp() == null ? "" : event.getFirstTimestamp();
    }
    var involved = event.getInvolvedObject();
    String object = involved == null ? "" : involved.getKind() + "/" + involved.getName();
    return new EventLine(
        seen,
        event.getType(),
        event.getReason(),
        object,
        event.getMessage() == null ? "" : event.getMessage().strip());
  }

  private record Filter(String kind, String name) {
    static Filter parse(String text) {
      int slash = text.indexOf('/');
      if (slash <= 0 || slash == text.length() - 1) {
        throw new IllegalArgumentException(
            "--for '" + text + "': expected KIND/NAME, e.g. Kustomization/apps");
      }
      String kind = text.substring(0, slash);
      String resolved = CairnKind.parse(kind).map(Enum::name).orElse(kind);
      return new Filter(resolved.toLowerCase(Locale.ROOT), text.substring(slash + 1));
    }

    boolean matches(Event event) {
      var involved = event.getInvolvedObject();
      return involved != null
          && involved.getKind() != null
          && involved.getKind().toLowerCase(Locale.ROOT).equals(kind)
          && name.equals(involved.getName());
    }
  }
}

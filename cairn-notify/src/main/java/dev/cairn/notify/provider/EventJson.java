package dev.cairn.notify.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.notify.InvolvedObject;
import dev.cairn.notify.NotifyEvent;
import java.time.format.DateTimeFormatter;

/** An event as JSON, in the shape of Flux's {@code event.toolkit.fluxcd.io} Event. */
final class EventJson {
  private EventJson() {}

  static ObjectNode of(NotifyEvent event) {
    ObjectNode json = HttpSender.JSON.createObjectNode();
    InvolvedObject o = event.object();
    ObjectNode involved = json.putObject("involvedObject");
    involved.put("kind", o.kind()).put("namespace", o.namespace()).put("name", o.name());
    putIfSet(involved, "uid", o.uid());
    putIfSet(involved, "apiVersion", o.apiVersion());
    putIfSet(involved, "resourceVersion", o.resourceVersion());
    json.put("severity", event.severity());
    json.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(event.timestamp()));
    json.put("message", event.message());
    json.put("reason", event.reason());
    if (!event.metadata().isEmpty()) {
      ObjectNode metadata = json.putObject("metadata");
      event.metadata().forEach(metadata::put);
    }
    json.put("reportingController", event.reportingController());
    json.put("reportingInstance", event.reportingController());
    return json;
  }

  /** {@code kind/name.namespace}, lower-case kind, as chat providers title a message. */
  static String objectTitle(NotifyEvent event) {
    InvolvedObject o = event.object();
    return o.kind().toLowerCase() + "/" + o.name() + "." + o.namespace();
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null && !value.isEmpty()) {
      node.put(field, value);
    }
  }
}

package dev.cairn.notify.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.notify.NotifyEvent;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code msteams}: an Adaptive Card (Workflows webhooks), or the legacy MessageCard for Office 365
 * connector hosts ({@code *.webhook.office.com}).
 */
final class TeamsNotifier implements Notifier {
  private final HttpSender http;
  private final URI uri;
  private final boolean connector;

  TeamsNotifier(ProviderSettings settings, HttpSender http) throws NotifyException {
    this.http = http;
    this.uri = http.uri(settings.address(), "address");
    this.connector = uri.getHost().endsWith(".webhook.office.com");
  }

  @Override
  public void post(NotifyEvent event) throws NotifyException {
    http.postJson(uri, connector ? messageCard(event) : adaptiveCard(event), Map.of());
  }

  static ObjectNode messageCard(NotifyEvent event) {
    String title = EventJson.objectTitle(event);
    ObjectNode card = HttpSender.JSON.createObjectNode();
    card.put("@type", "MessageCard").put("@context", "http://schema.org/extensions");
    card.put("themeColor", event.isError() ? "FF0000" : "0076D7").put("summary", title);
    ObjectNode section = card.putArray("sections").addObject();
    section.put("activityTitle", event.message()).put("activitySubtitle", title);
    ArrayNode facts = section.putArray("facts");
    event.metadata().forEach((k, v) -> facts.addObject().put("name", k).put("value", v));
    return card;
  }

  static ObjectNode adaptiveCard(NotifyEvent event) {
    ObjectNode message = HttpSender.JSON.createObjectNode().put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    ObjectNode content = attachment.putObject("content");
    content.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    content.put("type", "AdaptiveCard").put("version", "1.4");
    ArrayNode items =
        content.putArray("body").addObject().put("type", "Container").putArray("items");
    items
        .addObject()
        .put("type", "TextBlock")
        .put("text", EventJson.objectTitle(event))
        .put("size", "large")
        .put("weight", "bolder")
        .put("wrap", true);
    ObjectNode text =
        items.addObject().put("type", "TextBlock").put("text", event.message()).put("wrap", true);
    if (event.isError()) {
      text.put("color", "attention");
    }
    ArrayNode facts = items.addObject().put("type", "FactSet").putArray("facts");
    Map<String, String> rest = new TreeMap<>(event.metadata());
    String summary = rest.remove(NotifyEvent.SUMMARY);
    if (summary != null) {
      facts.addObject().put("title", NotifyEvent.SUMMARY).put("value", summary);
    }
    rest.forEach((k, v) -> facts.addObject().put("title", k).put("value", v));
    content.putObject("msteams").put("width", "Full");
    return message;
  }
}

package dev.cairn.notify.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.notify.NotifyEvent;
import java.net.URI;
import java.util.Map;

/**
 * {@code slack}: one attachment (colour {@code good}/{@code danger}, author {@code
 * kind/name.namespace}, the message, metadata as fields) to an incoming webhook, or to {@code
 * chat.postMessage} with the token as bearer (its {@code ok} answer checked).
 */
final class SlackNotifier implements Notifier {
  static final String POST_MESSAGE = "https://slack.com/api/chat.postMessage";

  private final ProviderSettings settings;
  private final HttpSender http;
  private final URI uri;

  SlackNotifier(ProviderSettings settings, HttpSender http) throws NotifyException {
    this.settings = settings;
    this.http = http;
    this.uri = http.uri(settings.address(), "address");
  }

  @Override
  public void post(NotifyEvent event) throws NotifyException {
    ObjectNode payload = HttpSender.JSON.createObjectNode();
    payload.put("channel", settings.channel() == null ? "" : settings.channel());
    String user = settings.username();
    payload.put("username", user == null || user.isEmpty() ? event.reportingController() : user);
    payload.put("icon_url", "").put("icon_emoji", "");
    String author = EventJson.objectTitle(event);
    ObjectNode attachment = payload.putArray("attachments").addObject();
    attachment.put("fallback", author + ": " + event.message().split("\n", -1)[0]);
    attachment.put("color", event.isError() ? "danger" : "good");
    attachment.put("author_name", author);
    attachment.put("text", event.message());
    attachment.putArray("mrkdwn_in").add("text");
    ArrayNode fields = attachment.putArray("fields");
    event
        .metadata()
        .forEach((k, v) -> fields.addObject().put("title", k).put("value", v).put("short", false));
    Map<String, String> headers =
        settings.token() == null || settings.token().isEmpty()
            ? Map.of()
            : Map.of("Authorization", "Bearer " + settings.token());
    HttpSender.Response response = http.postJson(uri, payload, headers);
    if (POST_MESSAGE.equals(settings.address())) {
      JsonNode answer = http.readJson(response);
      if (!answer.path("ok").asBoolean(false)) {
        throw new NotifyException(
            http.describe() + ": Slack answered error " + answer.path("error").asText(), false);
      }
    }
  }
}

package dev.cairn.notify.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.notify.NotifyEvent;

/**
 * The Slack-style message Slack, Discord (its {@code /slack} endpoint) and Rocket.Chat take: one
 * attachment with a colour, the object as author, the message, and the metadata as fields.
 */
final class ChatAttachment {
  private ChatAttachment() {}

  static ObjectNode payload(
      NotifyEvent event, String channel, String username, String good, String danger) {
    ObjectNode payload = HttpSender.JSON.createObjectNode();
    if (channel != null) {
      payload.put("channel", channel);
    }
    payload.put("username", username == null ? "" : username);
    payload.put("icon_url", "").put("icon_emoji", "");
    ObjectNode attachment = payload.putArray("attachments").addObject();
    attachment.put("color", event.isError() ? danger : good);
    attachment.put("author_name", EventJson.objectTitle(event));
    attachment.put("text", event.message());
    attachment.putArray("mrkdwn_in").add("text");
    ArrayNode fields = attachment.putArray("fields");
    event
        .metadata()
        .forEach((k, v) -> fields.addObject().put("title", k).put("value", v).put("short", false));
    return payload;
  }
}

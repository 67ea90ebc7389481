package dev.cairn.notify.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.notify.NotifyEvent;
import java.net.URI;
import java.util.Map;

/**
 * {@code webex}: a Markdown message ({@code roomId} = the channel) with the token as bearer, as
 * notification-controller posts to the Webex messages API.
 */
final class WebexNotifier implements Notifier {
  private final ProviderSettings settings;
  private final HttpSender http;
  private final URI uri;

  WebexNotifier(ProviderSettings settings, HttpSender http) throws NotifyException {
    this.settings = settings;
    this.http = http;
    this.uri = http.uri(settings.address(), "address");
  }

  static String markdown(NotifyEvent event) {
    StringBuilder b = new StringBuilder();
    b.append(event.isError() ? "\uD83D\uDCA3" : "\u2705")
        .append(" **")
        .append(EventJson.objectTitle(event))
        .append("**\n")
        .append(event.message())
        .append('\n');
    event
        .metadata()
        .forEach((k, v) -> b.append(">**").append(k).append("**: ").append(v).append('\n'));
    return b.toString();
  }

  @Override
  public void post(NotifyEvent event) throws NotifyException {
    ObjectNode payload = HttpSender.JSON.createObjectNode();
    payload.put("roomId", settings.channel() == null ? "" : settings.channel());
    payload.put("markdown", markdown(event));
    String token = settings.token() == null ? "" : settings.token();
    http.postJson(uri, payload, Map.of("Authorization", "Bearer " + token));
  }
}

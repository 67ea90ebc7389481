package dev.cairn.notify.provider;

import dev.cairn.notify.NotifyEvent;
import java.net.URI;
import java.util.Map;

/** {@code rocket}: the Slack-style attachment to a Rocket.Chat incoming webhook. */
final class RocketNotifier implements Notifier {
  private final ProviderSettings settings;
  private final HttpSender http;
  private final URI uri;

  RocketNotifier(ProviderSettings settings, HttpSender http) throws NotifyException {
    this.settings = settings;
    this.http = http;
    this.uri = http.uri(settings.address(), "address");
  }

  @Override
  public void post(NotifyEvent event) throws NotifyException {
    http.postJson(
        uri,
        ChatAttachment.payload(
            event,
            settings.channel() == null ? "" : settings.channel(),
            settings.username(),
            "#0076D7",
            "#FF0000"),
        Map.of());
  }
}

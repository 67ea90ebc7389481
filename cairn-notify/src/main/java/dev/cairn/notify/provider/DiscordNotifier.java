package dev.cairn.notify.provider;

import dev.cairn.notify.NotifyEvent;
import java.net.URI;
import java.util.Map;

/** {@code discord}: the Slack-style attachment to the webhook's Slack endpoint ({@code /slack}). */
final class DiscordNotifier implements Notifier {
  private final ProviderSettings settings;
  private final HttpSender http;
  private final URI uri;

  DiscordNotifier(ProviderSettings settings, HttpSender http) throws NotifyException {
    this.settings = settings;
    this.http = http;
    URI address = http.uri(settings.address(), "address");
    this.uri =
        settings.address().endsWith("/slack")
            ? address
            : address.resolve(address.getPath().replaceAll("/*$", "") + "/slack");
  }

  @Override
  public void post(NotifyEvent event) throws NotifyException {
    String user = settings.username();
    http.postJson(
        uri,
        ChatAttachment.payload(
            event,
            null,
            user == null || user.isEmpty() ? event.reportingController() : user,
            "good",
            "danger"),
        Map.of());
  }
}

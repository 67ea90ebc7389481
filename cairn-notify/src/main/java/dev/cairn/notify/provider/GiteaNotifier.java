package dev.cairn.notify.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.notify.NotifyEvent;
import java.net.URI;
import java.util.Map;

/**
 * {@code gitea}: a commit status through {@code <host>/api/v1/repos/<owner>/<repo>/statuses/<sha>}
 * with {@code Authorization: token <token>}; {@code Progressing} events post {@code pending}; an
 * identical newest status with the same context is not posted again.
 */
final class GiteaNotifier implements Notifier {
  private final ProviderSettings settings;
  private final HttpSender http;
  private final String statuses;

  GiteaNotifier(ProviderSettings settings, HttpSender http) throws NotifyException {
    if (settings.token() == null || settings.token().isEmpty()) {
      throw new NotifyException(
          http.describe() + ": gitea token cannot be empty (secretRef key token)", false);
    }
    this.settings = settings;
    this.http = http;
    GitAddress address = GitAddress.parse(settings.address(), http);
    String[] parts = address.ownerAndRepo(http);
    this.statuses = address.base() + "/api/v1/repos/" + parts[0] + "/" + parts[1] + "/statuses/";
  }

  @Override
  public void post(NotifyEvent event) throws NotifyException {
    CommitStatus status = CommitStatus.of(event, settings.uid());
    String state =
        NotifyEvent.PROGRESSING.equals(event.reason())
            ? "pending"
            : status.error() ? "failure" : "success";
    Map<String, String> headers = Map.of("Authorization", "token " + settings.token());
    URI uri = URI.create(statuses + status.commit());
    HttpSender.Response listed =
        http.send("GET", URI.create(uri + "?page=1&limit=50"), null, headers);
    if (GitHubNotifier.duplicate(http.readJson(listed), status.id(), state, status.description())) {
      return;
    }
    ObjectNode body = HttpSender.JSON.createObjectNode();
    body.put("state", state).put("target_url", "").put("description", status.description());
    body.put("context", status.id());
    http.postJson(uri, body, headers);
  }
}

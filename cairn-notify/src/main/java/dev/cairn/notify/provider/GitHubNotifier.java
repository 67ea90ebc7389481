package dev.cairn.notify.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.notify.NotifyEvent;
import java.net.URI;
import java.util.Map;

/**
 * {@code github}: a commit status on the commit of the event's revision, through {@code
 * api.github.com} for github.com and {@code <scheme>://<host>/api/v3/} (GitHub Enterprise) for any
 * other host. The statuses of the commit are read first; when the newest one with the same context
 * already has this state and description, nothing is posted.
 */
final class GitHubNotifier implements Notifier {
  private final ProviderSettings settings;
  private final HttpSender http;
  private final String api;
  private final String owner;
  private final String repo;

  GitHubNotifier(ProviderSettings settings, HttpSender http) throws NotifyException {
    if (settings.token() == null || settings.token().isEmpty()) {
      throw new NotifyException(
          http.describe() + ": github token cannot be empty (secretRef key token)", false);
    }
    this.settings = settings;
    this.http = http;
    GitAddress address = GitAddress.parse(settings.address(), http);
    String[] parts = address.ownerAndRepo(http);
    this.owner = parts[0];
    this.repo = parts[1];
    this.api =
        "github.com".equals(address.host())
            ? "https://api.github.com/"
            : address.base() + "/api/v3/";
  }

  /** The API root this notifier calls, e.g. {@code https://ghe.example.com/api/v3/}. */
  String api() {
    return api;
  }

  @Override
  public void post(NotifyEvent event) throws NotifyException {
    if (NotifyEvent.PROGRESSING.equals(event.reason())) {
      return;
    }
    CommitStatus status = CommitStatus.of(event, settings.uid());
    String state = status.error() ? "failure" : "success";
    Map<String, String> headers =
        Map.of(
            "Authorization", "Bearer " + settings.token(), "Accept", "application/vnd.github+json");
    String repoPath = "repos/" + owner + "/" + repo;
    HttpSender.Response listed =
        http.send(
            "GET",
            URI.create(api + repoPath + "/commits/" + status.commit() + "/statuses?per_page=50"),
            null,
            headers);
    if (duplicate(http.readJson(listed), status.id(), state, status.description())) {
      return;
    }
    ObjectNode body = HttpSender.JSON.createObjectNode();
    body.put("state", state).put("context", status.id()).put("description", status.description());
    http.postJson(URI.create(api + repoPath + "/statuses/" + status.commit()), body, headers);
  }

  /** The newest status with this context has the same state and description. */
  static boolean duplicate(JsonNode statuses, String context, String state, String description) {
    for (JsonNode s : statuses) {
      if (!s.hasNonNull("context") || !s.hasNonNull("state") || !s.hasNonNull("description")) {
        continue;
      }
      if (context.equals(s.get("context").asText())) {
        return state.equals(s.get("state").asText())
            && description.equals(s.get("description").asText());
      }
    }
    return false;
  }
}

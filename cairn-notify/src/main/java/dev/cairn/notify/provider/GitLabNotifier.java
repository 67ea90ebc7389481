package dev.cairn.notify.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.notify.NotifyEvent;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code gitlab}: a commit status through {@code <host>/api/v4/projects/<path>/statuses/<sha>} with
 * the token as {@code PRIVATE-TOKEN}; an identical status already on the commit is not posted.
 */
final class GitLabNotifier implements Notifier {
  private final ProviderSettings settings;
  private final HttpSender http;
  private final String project;

  GitLabNotifier(ProviderSettings settings, HttpSender http) throws NotifyException {
    if (settings.token() == null || settings.token().isEmpty()) {
      throw new NotifyException(
          http.describe() + ": gitlab token cannot be empty (secretRef key token)", false);
    }
    this.settings = settings;
    this.http = http;
    GitAddress address = GitAddress.parse(settings.address(), http);
    this.project =
        address.base()
            + "/api/v4/projects/"
            + URLEncoder.encode(address.path(), StandardCharsets.UTF_8);
  }

  @Override
  public void post(NotifyEvent event) throws NotifyException {
    if (NotifyEvent.PROGRESSING.equals(event.reason())) {
      return;
    }
    CommitStatus status = CommitStatus.of(event, settings.uid());
    String state = status.error() ? "failed" : "success";
    Map<String, String> headers = Map.of("PRIVATE-TOKEN", settings.token());
    HttpSender.Response listed =
        http.send(
            "GET",
            URI.create(
                project
                    + "/repository/commits/"
                    + status.commit()
                    + "/statuses?name="
                    + URLEncoder.encode(status.id(), StandardCharsets.UTF_8)),
            null,
            headers);
    for (JsonNode s : http.readJson(listed)) {
      if (status.commit().equals(s.path("sha").asText())
          && state.equals(s.path("status").asText())
          && status.description().equals(s.path("description").asText())
          && status.id().equals(s.path("name").asText())) {
        return;
      }
    }
    ObjectNode body = HttpSender.JSON.createObjectNode();
    body.put("state", state).put("name", status.id()).put("description", status.description());
    http.postJson(URI.create(project + "/statuses/" + status.commit()), body, headers);
  }
}

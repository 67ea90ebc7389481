package dev.cairn.image.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub's pull request API ({@code /repos/{owner}/{repo}/pulls}) for one repository, with a token
 * sent as {@code Authorization: Bearer}. The base URL is {@code https://api.github.com} or a GitHub
 * Enterprise {@code https://host/api/v3}.
 */
public final class GitHubPullRequests implements PullRequestHost {
  public static final String DEFAULT_API = "https://api.github.com";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  private final URI api;
  private final String owner;
  private final String repository;
  private final String token;

  /**
   * @param api the API base URL
   * @param owner the repository's owner
   * @param repository the repository's name
   * @param token the access token; never shown
   */
  public GitHubPullRequests(URI api, String owner, String repository, String token) {
    this.api = api;
    this.owner = owner;
    this.repository = repository;
    this.token = token;
  }

  @Override
  public Optional<PullRequest> findOpen(String head, String base) throws PullRequestException {
    String query =
        "?state=open&head="
            + URLEncoder.encode(owner + ":" + head, StandardCharsets.UTF_8)
            + "&base="
            + URLEncoder.encode(base, StandardCharsets.UTF_8);
    JsonNode list = send("GET", pulls(query), null, "list pull requests");
    for (JsonNode pr : list) {
      return Optional.of(of(pr));
    }
    return Optional.empty();
  }

  @Override
  public PullRequest open(String head, String base, String title, String body)
      throws PullRequestException {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("title", title);
    request.put("head", head);
    request.put("base", base);
    request.put("body", body);
    return of(send("POST", pulls(""), request, "open a pull request"));
  }

  @Override
  public void update(PullRequest pullRequest, String title, String body)
      throws PullRequestException {
    send(
        "PATCH",
        pulls("/" + pullRequest.number()),
        Map.of("title", title, "body", body),
        "update pull request #" + pullRequest.number());
  }

  @Override
  public void close(PullRequest pullRequest) throws PullRequestException {
    send(
        "PATCH",
        pulls("/" + pullRequest.number()),
        Map.of("state", "closed"),
        "close pull request #" + pullRequest.number());
  }

  private URI pulls(String suffix) {
    String base = api.toString().replaceAll("/+$", "");
    return URI.create(base + "/repos/" + owner + "/" + repository + "/pulls" + suffix);
  }

  private static PullRequest of(JsonNode pr) {
    return new PullRequest(
        pr.path("number").asLong(), pr.path("title").asText(""), pr.path("body").asText(""));
  }

  private JsonNode send(String method, URI uri, Object body, String what)
      throws PullRequestException {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(60))
              .header("Accept", "application/vnd.github+json")
              .header("Authorization", "Bearer " + token)
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() / 100 != 2) {
        throw new PullRequestException(
            "cannot "
                + what
                + " on "
                + owner
                + "/"
                + repository
                + ": HTTP "
                + response.statusCode());
      }
      return response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new PullRequestException(
          "cannot "
              + what
              + " on "
              + owner
              + "/"
              + repository
              + ": "
              + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PullRequestException("interrupted while trying to " + what);
    }
  }

  @Override
  public String toString() {
    return "GitHubPullRequests[" + api + " " + owner + "/" + repository + ", token=***]";
  }
}

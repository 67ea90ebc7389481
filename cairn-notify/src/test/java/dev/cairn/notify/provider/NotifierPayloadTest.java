package dev.cairn.notify.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.notify.InvolvedObject;
import dev.cairn.notify.NotifyEvent;
import dev.cairn.testkit.http.RecordingHttpServer;
import dev.cairn.testkit.http.RecordingHttpServer.Reply;
import dev.cairn.testkit.http.RecordingHttpServer.Request;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every implemented provider against one recording server: the URL, headers and payload each sends
 * (notification-controller's shapes), and that no secret reaches an error message.
 */
class NotifierPayloadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final String TOKEN = "s3cr3t-t0ken";
  private static RecordingHttpServer server;

  @BeforeAll
  static void start() {
    server = RecordingHttpServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.answer(r -> new Reply(200, "GET".equals(r.method()) ? "[]" : "{}"));
  }

  private static NotifyEvent event(String severity, String reason) {
    return new NotifyEvent(
        new InvolvedObject("cairn.dev/v1", "Kustomization", "apps", "web", "uid-9", "12", null),
        severity,
        reason,
        "Deployment/apps/web configured",
        Map.of("revision", "main@sha1:" + SHA, "summary", "Production"),
        Instant.parse("2026-01-02T03:04:05Z"),
        "cairn-controller");
  }

  private static ProviderSettings settings(String type, String path) {
    return ProviderSettings.of(type, server.url() + path)
        .withUid("8d1a2b3c-0000-4000-8000-000000000000");
  }

  private static List<Request> since(int before) {
    List<Request> all = server.requests();
    return all.subList(before, all.size());
  }

  private static JsonNode body(Request request) throws Exception {
    return JSON.readTree(request.body());
  }

  @Test
  void genericPostsTheEventWithTheSecretHeaders() throws Exception {
    int before = server.requests().size();
    NotifierFactory.create(settings("generic", "/hook").withHeaders(Map.of("X-Api-Key", "k3y")))
        .post(event("info", "ReconciliationSucceeded"));

    Request request = since(before).get(0);
    assertThat(request.path()).isEqualTo("/hook");
    assertThat(request.header("gotk-component")).isEqualTo("cairn-controller");
    assertThat(request.header("X-Api-Key")).isEqualTo("k3y");
    assertThat(request.header("X-Signature")).isNull();
    JsonNode json = body(request);
    assertThat(json.at("/involvedObject/kind").asText()).isEqualTo("Kustomization");
    assertThat(json.at("/involvedObject/uid").asText()).isEqualTo("uid-9");
    assertThat(json.path("severity").asText()).isEqualTo("info");
    assertThat(json.path("reason").asText()).isEqualTo("ReconciliationSucceeded");
    assertThat(json.at("/metadata/revision").asText()).isEqualTo("main@sha1:" + SHA);
    assertThat(json.path("timestamp").asText()).isEqualTo("2026-01-02T03:04:05Z");
  }

  @Test
  void genericHmacSignsTheBodyWithTheToken() throws Exception {
    int before = server.requests().size();
    NotifierFactory.create(settings("generic-hmac", "/signed").withToken(TOKEN))
        .post(event("info", "ReconciliationSucceeded"));

    Request request = since(before).get(0);
    String expected =
        "sha256="
            + GenericNotifier.sign(
                request.body().getBytes(StandardCharsets.UTF_8),
                TOKEN.getBytes(StandardCharsets.UTF_8));
    assertThat(request.header("X-Signature")).isEqualTo(expected);
    assertThatThrownBy(() -> NotifierFactory.create(settings("generic-hmac", "/signed")))
        .hasMessageContaining("needs a token");
  }

  @Test
  void slackSendsOneColouredAttachment() throws Exception {
    int before = server.requests().size();
    NotifierFactory.create(
            settings("slack", "/services/T/B/X").withChannel("#ops", "").withToken(TOKEN))
        .post(event("error", "HealthCheckFailed"));

    Request request = since(before).get(0);
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    JsonNode json = body(request);
    assertThat(json.path("channel").asText()).isEqualTo("#ops");
    assertThat(json.path("username").asText()).isEqualTo("cairn-controller");
    JsonNode attachment = json.at("/attachments/0");
    assertThat(attachment.path("color").asText()).isEqualTo("danger");
    assertThat(attachment.path("author_name").asText()).isEqualTo("kustomization/web.apps");
    assertThat(attachment.path("text").asText()).isEqualTo("Deployment/apps/web configured");
    assertThat(attachment.path("fields").findValuesAsText("title"))
        .containsExactlyInAnyOrder("revision", "summary");
  }

  @Test
  void teamsSendsAnAdaptiveCard() throws Exception {
    int before = server.requests().size();
    NotifierFactory.create(settings("msteams", "/workflows/1"))
        .post(event("error", "HealthCheckFailed"));

    JsonNode json = body(since(before).get(0));
    assertThat(json.path("type").asText()).isEqualTo("message");
    JsonNode content = json.at("/attachments/0/content");
    assertThat(content.path("type").asText()).isEqualTo("AdaptiveCard");
    JsonNode items = content.at("/body/0/items");
    assertThat(items.get(0).path("text").asText()).isEqualTo("kustomization/web.apps");
    assertThat(items.get(1).path("color").asText()).isEqualTo("attention");
    assertThat(items.get(2).at("/facts/0/title").asText()).isEqualTo("summary");
  }

  @Test
  void githubEnterpriseListsStatusesThenPostsOnTheCommit() throws Exception {
    int before = server.requests().size();
    Notifier github = NotifierFactory.create(settings("github", "/org/app.git").withToken(TOKEN));
    github.post(event("info", "ReconciliationSucceeded"));

    List<Request> calls = since(before);
    assertThat(calls).extracting(Request::method).containsExactly("GET", "POST");
    assertThat(calls.get(0).path())
        .isEqualTo("/api/v3/repos/org/app/commits/" + SHA + "/statuses?per_page=50");
    assertThat(calls.get(1).path()).isEqualTo("/api/v3/repos/org/app/statuses/" + SHA);
    assertThat(calls.get(1).header("Authorization")).isEqualTo("Bearer " + TOKEN);
    JsonNode posted = body(calls.get(1));
    assertThat(posted.path("state").asText()).isEqualTo("success");
    assertThat(posted.path("context").asText()).isEqualTo("kustomization/web/8d1a2b3c");
    assertThat(posted.path("description").asText()).isEqualTo("reconciliation succeeded");
  }

  @Test
  void githubDoesNotPostAStatusIdenticalToTheNewest() throws Exception {
    server.answer(
        r ->
            new Reply(
                200,
                "[{\"context\":\"kustomization/web/8d1a2b3c\",\"state\":\"failure\","
                    + "\"description\":\"health check failed\"}]"));
    int before = server.requests().size();
    Notifier github = NotifierFactory.create(settings("github", "/org/app").withToken(TOKEN));
    github.post(event("error", "HealthCheckFailed"));
    assertThat(since(before)).extracting(Request::method).containsExactly("GET");

    github.post(event("info", "ReconciliationSucceeded"));
    assertThat(since(before)).extracting(Request::method).containsExactly("GET", "GET", "POST");
  }

  @Test
  void githubComApiIsApiGithubCom() throws NotifyException {
    ProviderSettings settings =
        ProviderSettings.of("github", "https://github.com/org/app").withToken(TOKEN);
    assertThat(new GitHubNotifier(settings, new HttpSender(settings)).api())
        .isEqualTo("https://api.github.com/");
  }

  @Test
  void gitlabUsesThePrivateTokenAndTheEncodedProjectPath() throws Exception {
    int before = server.requests().size();
    NotifierFactory.create(settings("gitlab", "/group/sub/app.git").withToken(TOKEN))
        .post(event("error", "HealthCheckFailed"));

    List<Request> calls = since(before);
    assertThat(calls.get(0).path())
        .isEqualTo(
            "/api/v4/projects/group%2Fsub%2Fapp/repository/commits/"
                + SHA
                + "/statuses?name=kustomization%2Fweb%2F8d1a2b3c");
    assertThat(calls.get(1).path()).isEqualTo("/api/v4/projects/group%2Fsub%2Fapp/statuses/" + SHA);
    assertThat(calls.get(1).header("PRIVATE-TOKEN")).isEqualTo(TOKEN);
    assertThat(body(calls.get(1)).path("state").asText()).isEqualTo("failed");
    assertThat(body(calls.get(1)).path("name").asText()).isEqualTo("kustomization/web/8d1a2b3c");
  }

  @Test
  void giteaPostsPendingForProgressing() throws Exception {
    int before = server.requests().size();
    NotifierFactory.create(settings("gitea", "/org/app").withToken(TOKEN))
        .post(event("info", "Progressing"));

    List<Request> calls = since(before);
    assertThat(calls.get(1).path()).isEqualTo("/api/v1/repos/org/app/statuses/" + SHA);
    assertThat(calls.get(1).header("Authorization")).isEqualTo("token " + TOKEN);
    assertThat(body(calls.get(1)).path("state").asText()).isEqualTo("pending");
  }

  @Test
  void errorsNameTheProviderAndStatusButNoSecret() throws Exception {
    server.answer(r -> new Reply(503, "{}"));
    ProviderSettings secretAddress =
        new ProviderSettings(
            "apps",
            "hook",
            "",
            "generic",
            server.url() + "/hooks/" + TOKEN,
            true,
            null,
            null,
            TOKEN,
            "pa55word",
            Map.of("Authorization", "Bearer h3ader"),
            null,
            null,
            null);

    assertThatThrownBy(() -> NotifierFactory.create(secretAddress).post(event("info", "R")))
        .isInstanceOfSatisfying(NotifyException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("generic provider apps/hook")
        .hasMessageContaining("503")
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContain(TOKEN, "pa55word", "h3ader", "/hooks/"));
    assertThat(secretAddress.toString()).doesNotContain(TOKEN, "pa55word", "h3ader");
    assertThat(secretAddress.redact("url " + server.url() + "/hooks/" + TOKEN + " Bearer h3ader"))
        .doesNotContain(TOKEN, "h3ader");
  }

  @Test
  void discordRocketAndWebexSendTheirChatShapes() throws Exception {
    int before = server.requests().size();
    NotifierFactory.create(settings("discord", "/api/webhooks/1/x")).post(event("error", "R"));
    NotifierFactory.create(settings("rocket", "/hooks/r").withChannel("#ops", "bot"))
        .post(event("info", "R"));
    NotifierFactory.create(
            settings("webex", "/v1/messages").withChannel("room-1", null).withToken(TOKEN))
        .post(event("error", "R"));

    List<Request> calls = since(before);
    assertThat(calls.get(0).path()).isEqualTo("/api/webhooks/1/x/slack");
    assertThat(body(calls.get(0)).at("/attachments/0/color").asText()).isEqualTo("danger");
    assertThat(body(calls.get(1)).path("channel").asText()).isEqualTo("#ops");
    assertThat(body(calls.get(1)).at("/attachments/0/color").asText()).isEqualTo("#0076D7");
    assertThat(calls.get(2).header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(body(calls.get(2)).path("roomId").asText()).isEqualTo("room-1");
    assertThat(body(calls.get(2)).path("markdown").asText())
        .contains("**kustomization/web.apps**\nDeployment/apps/web configured\n")
        .contains(">**summary**: Production");
  }

  @Test
  void anUnsupportedTypeIsRefusedNamingTheSupportedOnes() {
    assertThat(NotifierFactory.refusal("carrier-pigeon"))
        .hasValueSatisfying(
            m -> assertThat(m).contains("'carrier-pigeon' is not supported", "github", "slack"));
  }
}

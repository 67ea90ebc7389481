package dev.cairn.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.notify.receiver.WebhookPath;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn up} serves the fleet's Receivers and prints each one's URL. */
class UpReceiversIT {

  @Test
  void printsTheUrlOfEachReceiverAndServesIt(@TempDir Path temp) throws Exception {
    Path fleet = Files.createDirectories(temp.resolve("fleet/clusters/production"));
    Files.writeString(
        fleet.resolve("receiver.yaml"),
        """
        apiVersion: v1
        kind: Namespace
        metadata: {name: hooks}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: webhook-token, namespace: hooks}
        stringData: {token: up-receiver-token}
        ---
        apiVersion: notification.toolkit.fluxcd.io/v1
        kind: Receiver
        metadata: {name: github, namespace: hooks}
        spec:
          type: generic
          secretRef: {name: webhook-token}
          resources:
            - apiVersion: source.toolkit.fluxcd.io/v1
              kind: GitRepository
              name: cairn-system
              namespace: cairn-system
        """);
    StringWriter printed = new StringWriter();
    PrintWriter info = new PrintWriter(printed, true);
    String path = WebhookPath.of("up-receiver-token", "github", "hooks");
    Pattern url =
        Pattern.compile("Receiver hooks/github: (http://127\\.0\\.0\\.1:\\d+/hook/[0-9a-f]{64})");
    try (UpSession session =
        UpSession.start(
            UpSettings.defaults().withFleet(temp.resolve("fleet")).withWorkDir(temp.resolve("w")),
            RuntimeControllers::start,
            info)) {
      await().atMost(Duration.ofMinutes(2)).until(() -> url.matcher(printed.toString()).find());
      Matcher m = url.matcher(printed.toString());
      assertThat(m.find()).isTrue();
      assertThat(m.group(1)).endsWith(path);
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(m.group(1)))
                      .POST(HttpRequest.BodyPublishers.ofString("{}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("reconcile requested for 1");
    }
    assertThat(printed.toString()).doesNotContain("up-receiver-token");
  }
}

package dev.cairn.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.cli.cluster.CairnKind;
import dev.cairn.cli.cluster.CairnObjectRef;
import dev.cairn.cli.cluster.CairnObjects;
import dev.cairn.cli.cluster.ObjectStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn up} prints the dashboard's URL; the fleet can be browsed there, and a reconcile
 * asked from it is handled by the running controller.
 */
class UpDashboardIT {
  private static final Pattern TOKEN =
      Pattern.compile("X-Cairn-Csrf&quot;:&quot;([A-Za-z0-9_-]+)&quot;");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theDashboardShowsTheFleetAndItsReconcileButtonReachesTheController(@TempDir Path work)
      throws Exception {
    StringWriter printed = new StringWriter();
    UpSettings settings = UpSettings.defaults().withFleet(UpSessionIT.FLEET).withWorkDir(work);
    try (UpSession session =
        UpSession.start(settings, RuntimeControllers::start, new PrintWriter(printed, true))) {
      URI url = session.startDashboard(new InetSocketAddress("127.0.0.1", 0));
      assertThat(printed.toString()).contains("Dashboard: " + url + " (loopback, no login)");
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> session.statuses().stream().allMatch(ObjectStatus::readyTrue));

      String root = "objects/Kustomization/" + Bootstrap.NAME + "/" + Bootstrap.NAME;
      HttpResponse<String> list = get(url.resolve("objects"));
      assertThat(list.body())
          .contains("data-ref=\"GitRepository/" + Bootstrap.NAME + "/" + Bootstrap.NAME + "\"")
          .contains("data-ref=\"Kustomization/" + Bootstrap.NAME + "/" + Bootstrap.NAME + "\"");

      HttpResponse<String> page = get(url.resolve(root));
      Matcher token = TOKEN.matcher(page.body());
      assertThat(token.find()).isTrue();
      String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      HttpResponse<String> reconcile =
          http.send(
              HttpRequest.newBuilder(url.resolve(root + "/reconcile-with-source"))
                  .header("Cookie", cookie)
                  .header("X-Cairn-Csrf", token.group(1))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(reconcile.statusCode()).isEqualTo(200);

      CairnObjects objects = session.objects();
      CairnObjectRef ks =
          new CairnObjectRef(CairnKind.Kustomization, Bootstrap.NAME, Bootstrap.NAME);
      String requested =
          objects.object(ks).at("/metadata/annotations").path(CairnObjects.REQUESTED_AT).asText();
      assertThat(requested).isNotEmpty();
      objects.awaitHandled(ks, requested, Duration.ofMinutes(1));
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(get(url.resolve(root)).body())
                      .contains("<dd id=\"handled\">" + requested + "</dd>"));
    }
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
    return response;
  }
}

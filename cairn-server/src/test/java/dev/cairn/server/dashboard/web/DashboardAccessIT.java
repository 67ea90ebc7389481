package dev.cairn.server.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.server.dashboard.fleet.FleetActions;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Who may do what: a read-only user sees no action buttons (in Chromium) and gets 403 when posting
 * one with a valid session and CSRF token; an action without the token is refused even for a user
 * who may act; every answer carries the strict Content-Security-Policy.
 */
@ExtendWith(ClusterExtension.class)
class DashboardAccessIT {
  private static final Pattern TOKEN =
      Pattern.compile("X-Cairn-Csrf&quot;:&quot;([A-Za-z0-9_-]+)&quot;");

  private static KubernetesClient client;
  private static FleetFixture fleet;
  private static Dashboard readOnly;
  private static Dashboard writable;
  private static HeadlessChromium browser;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start(TestCluster cluster) {
    client = cluster.client();
    CairnCrdInstaller.installAll(client);
    fleet = new FleetFixture(client, cluster.createNamespace("access"));
    fleet.create();
    readOnly =
        Dashboard.start(
            client, DashboardSettings.loopback().withAccess(Access.local("viewer", false)));
    writable =
        Dashboard.start(
            client, DashboardSettings.loopback().withAccess(Access.local("admin", true)));
    browser = new HeadlessChromium();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (readOnly != null) {
      readOnly.close();
    }
    if (writable != null) {
      writable.close();
    }
  }

  private String appsPath() {
    return "objects/Kustomization/" + fleet.namespace + "/apps";
  }

  @Test
  void aReadOnlyUserSeesNoActionButtonsAndIsRefused() throws Exception {
    browser.driver.get(readOnly.url().resolve(appsPath()).toString());
    assertThat(browser.driver.findElement(By.id("ready")).getText()).startsWith("True");
    assertThat(browser.driver.findElements(By.cssSelector("button.action"))).isEmpty();
    assertThat(browser.driver.findElement(By.className("viewer")).getText())
        .isEqualTo("viewer (read-only)");
    browser.screenshot("object-read-only");

    Session session = Session.open(readOnly.url().resolve(appsPath()));
    HttpResponse<String> post =
        session.post(readOnly.url().resolve(appsPath() + "/reconcile"), true);
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(post.body())
        .contains("viewer may not change Kustomization/" + fleet.namespace + "/apps");
    assertThat(annotations()).doesNotContainKey(FleetActions.REQUESTED_AT);
  }

  @Test
  void anActionWithoutTheCsrfTokenIsRefused() throws Exception {
    Session session = Session.open(writable.url().resolve(appsPath()));
    HttpResponse<String> without =
        session.post(writable.url().resolve(appsPath() + "/suspend"), false);
    assertThat(without.statusCode()).isEqualTo(403);
    assertThat(annotations()).doesNotContainKey(FleetActions.REQUESTED_AT);

    HttpResponse<String> with =
        session.post(writable.url().resolve(appsPath() + "/reconcile"), true);
    assertThat(with.statusCode()).isEqualTo(200);
    assertThat(annotations()).containsKey(FleetActions.REQUESTED_AT);
  }

  @Test
  void everyAnswerCarriesTheStrictContentSecurityPolicy() throws Exception {
    for (String path : new String[] {"", "objects", appsPath(), "graph", "static/cairn.js"}) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(writable.url().resolve(path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(
              "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
                  + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
      assertThat(response.body()).as(path).doesNotContain("<script>").doesNotContain("style=");
    }
  }

  private java.util.Map<String, String> annotations() {
    var object =
        client
            .genericKubernetesResources(FleetFixture.KS)
            .inNamespace(fleet.namespace)
            .withName("apps")
            .get();
    return object.getMetadata().getAnnotations() == null
        ? java.util.Map.of()
        : object.getMetadata().getAnnotations();
  }

  /** A browser-like session over plain HTTP: the session cookie and the page's CSRF token. */
  private record Session(String cookie, String token) {
    static Session open(URI page) throws IOException, InterruptedException {
      HttpResponse<String> response =
          HTTP.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
      Matcher token = TOKEN.matcher(response.body());
      assertThat(token.find()).as("the page carries a CSRF token").isTrue();
      return new Session(setCookie.substring(0, setCookie.indexOf(';')), token.group(1));
    }

    HttpResponse<String> post(URI action, boolean withToken)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(action)
              .header("Cookie", cookie)
              .POST(HttpRequest.BodyPublishers.noBody());
      if (withToken) {
        request.header("X-Cairn-Csrf", token);
      }
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}

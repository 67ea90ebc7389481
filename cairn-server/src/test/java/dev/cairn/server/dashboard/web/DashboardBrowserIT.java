package dev.cairn.server.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.server.dashboard.fleet.FleetActions;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.artifact.StoredArtifact;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium over the simulated cluster: the list, its filters, live
 * updates without reload, the reconcile and suspend buttons, the inventory tree, the graph and
 * escaping. The test writes statuses itself, standing in for the controller.
 */
@ExtendWith(ClusterExtension.class)
class DashboardBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static KubernetesClient client;
  private static FleetFixture fleet;
  private static FleetFixture other;
  private static Dashboard dashboard;
  private static HeadlessChromium browser;

  @TempDir static Path storage;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    client = cluster.client();
    CairnCrdInstaller.installAll(client);
    fleet = new FleetFixture(client, cluster.createNamespace("dash"));
    fleet.create();
    other = new FleetFixture(client, cluster.createNamespace("dash-live"));
    other.create(FleetFixture.GIT, "fleet", "url: https://git.example/fleet\n  interval: 1m\n");
    other.create(
        FleetFixture.KS,
        "live",
        "interval: 10m\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: fleet\n");
    other.setStatus(
        FleetFixture.KS,
        "live",
        FleetFixture.ready(
            "True", "ReconciliationSucceeded", "Applied revision: " + FleetFixture.REVISION),
        Map.of("lastAppliedRevision", FleetFixture.REVISION));
    dashboard =
        Dashboard.start(
            client,
            DashboardSettings.loopback()
                .withAccess(Access.local("alice", true))
                .withArtifactStore(storage.resolve("artifacts")));
    diffFixture(cluster.createNamespace("dash-diff"));
    browser = new HeadlessChromium();
  }

  /**
   * A Kustomization over a stored artifact holding a ConfigMap and a Secret, both present in the
   * cluster with other values.
   */
  private static void diffFixture(String namespace) throws Exception {
    Path dir = Files.createDirectories(storage.resolve("repo/app"));
    Files.writeString(
        dir.resolve("kustomization.yaml"), "resources:\n- config.yaml\n- secret.yaml\n");
    Files.writeString(
        dir.resolve("config.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  color: blue\n");
    Files.writeString(
        dir.resolve("secret.yaml"),
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData:\n  password: git-side-hunter2\n");
    ArtifactStore store =
        new ArtifactStore(storage.resolve("artifacts"), ArtifactStoreOptions.defaults());
    StoredArtifact artifact =
        store.storeDirectory(
            new SourceKey("gitrepository", namespace, "fleet"),
            FleetFixture.REVISION,
            storage.resolve("repo"));
    FleetFixture diff = new FleetFixture(client, namespace);
    diff.create(FleetFixture.GIT, "fleet", "url: https://git.example/fleet\n  interval: 1m\n");
    diff.setStatus(
        FleetFixture.GIT,
        "fleet",
        FleetFixture.ready("True", "Succeeded", "stored"),
        Map.of(
            "artifact",
            Map.of(
                "revision", artifact.revision(),
                "digest", artifact.digest(),
                "path", artifact.path(),
                "url", "http://127.0.0.1/" + artifact.path(),
                "lastUpdateTime", artifact.lastUpdateTime().toString(),
                "size", artifact.size())));
    diff.create(
        FleetFixture.KS,
        "app",
        "interval: 10m\n  prune: true\n  path: ./app\n  targetNamespace: "
            + namespace
            + "\n  sourceRef:\n    kind: GitRepository\n    name: fleet\n");
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .endMetadata()
                .addToData("color", "red")
                .build())
        .create();
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("creds")
                .endMetadata()
                .addToStringData("password", "cluster-side-swordfish")
                .build())
        .create();
    diffNamespace = namespace;
  }

  private static String diffNamespace;

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (dashboard != null) {
      dashboard.close();
    }
  }

  private static void open(String path) {
    browser.driver.get(dashboard.url().resolve(path).toString());
    await().atMost(WAIT).until(() -> "connected".equals(body().getAttribute("data-live")));
  }

  /** Accepts the confirmation dialog the action button opens. */
  private static void confirm() {
    new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.alertIsPresent()).accept();
  }

  private static WebElement body() {
    return browser.driver.findElement(By.tagName("body"));
  }

  private static List<String> rows() {
    return browser.driver.findElements(By.cssSelector("#rows tr.object")).stream()
        .map(row -> row.getAttribute("data-ref"))
        .filter(ref -> ref.contains("/" + fleet.namespace + "/"))
        .toList();
  }

  @Test
  void overviewCountsFailingFirst() {
    open("/");
    WebElement kustomizations =
        browser.driver.findElement(By.cssSelector("table.counts tr[data-kind=Kustomization]"));
    List<WebElement> cells = kustomizations.findElements(By.tagName("td"));
    assertThat(cells.get(cells.size() - 1).getText()).isEqualTo("7");
    assertThat(Integer.parseInt(cells.get(1).getText())).isPositive(); // Failed
    assertThat(browser.driver.findElement(By.id("failing")).getText())
        .contains("Kustomization/" + fleet.namespace + "/broken");
    browser.screenshot("overview");
  }

  @Test
  void listRendersTheFleetAndFilters() {
    open("/objects?namespace=" + fleet.namespace);
    assertThat(rows())
        .containsExactly(
            "GitRepository/" + fleet.namespace + "/fleet",
            "Kustomization/" + fleet.namespace + "/apps",
            "Kustomization/" + fleet.namespace + "/broken",
            "Kustomization/" + fleet.namespace + "/flux-system",
            "Kustomization/" + fleet.namespace + "/infra",
            "Kustomization/" + fleet.namespace + "/sleepy");
    browser.screenshot("list");

    new Select(browser.driver.findElement(By.id("filter-ready"))).selectByValue("False");
    await()
        .atMost(WAIT)
        .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
        .untilAsserted(
            () ->
                assertThat(rows()).containsExactly("Kustomization/" + fleet.namespace + "/broken"));

    new Select(browser.driver.findElement(By.id("filter-ready"))).selectByValue("");
    browser.driver.findElement(By.id("filter-q")).sendKeys("infr");
    await()
        .atMost(WAIT)
        .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
        .untilAsserted(
            () ->
                assertThat(rows()).containsExactly("Kustomization/" + fleet.namespace + "/infra"));
    browser.screenshot("list-filtered");
  }

  @Test
  void aStatusChangeAppearsWithoutReload() {
    open("/objects/Kustomization/" + other.namespace + "/live");
    ((JavascriptExecutor) browser.driver).executeScript("window.cairnSamePage = 42;");
    assertThat(browser.driver.findElement(By.id("ready")).getText()).startsWith("True");

    other.setStatus(
        FleetFixture.KS,
        "live",
        FleetFixture.ready("False", "HealthCheckFailed", "Deployment/web: 0 of 1 replicas ready"),
        Map.of("lastAttemptedRevision", FleetFixture.REVISION));

    await()
        .atMost(WAIT)
        .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
        .untilAsserted(
            () ->
                assertThat(browser.driver.findElement(By.id("message")).getText())
                    .isEqualTo("Deployment/web: 0 of 1 replicas ready"));
    assertThat(browser.driver.findElement(By.id("health")).getText()).isEqualTo("Failed");
    assertThat(((JavascriptExecutor) browser.driver).executeScript("return window.cairnSamePage"))
        .isEqualTo(42L);
  }

  @Test
  void theReconcileButtonSetsRequestedAtAndTheNewRevisionAppears() {
    open("/objects/Kustomization/" + fleet.namespace + "/apps");
    assertThat(browser.driver.findElement(By.id("revision")).getText())
        .isEqualTo(FleetFixture.REVISION);

    browser.driver.findElement(By.cssSelector("button[data-action=reconcile]")).click();
    confirm();

    String requested =
        await()
            .atMost(WAIT)
            .until(
                () -> annotation("apps", FleetActions.REQUESTED_AT),
                value -> value != null && !value.isEmpty());
    await()
        .atMost(WAIT)
        .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
        .untilAsserted(
            () ->
                assertThat(browser.driver.findElement(By.id("action-result")).getText())
                    .contains(
                        "Reconciliation requested for Kustomization/" + fleet.namespace + "/apps"));
    assertThat(
            client.v1().events().inNamespace(fleet.namespace).list().getItems().stream()
                .filter(e -> "apps".equals(e.getInvolvedObject().getName()))
                .map(e -> e.getReason() + ": " + e.getMessage()))
        .contains("ReconcileRequested: Reconciliation requested by alice from the dashboard");

    // the controller's part: it handles the request and applies a new revision
    String next = "main@sha1:2222222222222222222222222222222222222222";
    fleet.setStatus(
        FleetFixture.KS,
        "apps",
        FleetFixture.ready("True", "ReconciliationSucceeded", "Applied revision: " + next),
        Map.of("lastAppliedRevision", next, "lastHandledReconcileAt", requested));
    await()
        .atMost(WAIT)
        .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
        .untilAsserted(
            () ->
                assertThat(browser.driver.findElement(By.id("revision")).getText())
                    .isEqualTo(next));
    browser.screenshot("object-reconciled");
  }

  @Test
  void suspendAndResume() {
    open("/objects/Kustomization/" + fleet.namespace + "/sleepy");
    browser.driver.findElement(By.cssSelector("button[data-action=suspend]")).click();
    confirm();
    await().atMost(WAIT).until(() -> suspended("sleepy"));
    await()
        .atMost(WAIT)
        .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
        .untilAsserted(
            () ->
                assertThat(browser.driver.findElement(By.id("suspended")).getText())
                    .isEqualTo("true"));
    browser.driver.findElement(By.cssSelector("button[data-action=resume]")).click();
    confirm();
    await().atMost(WAIT).until(() -> !suspended("sleepy"));
  }

  @Test
  void theInventoryTreeExpandsNestedKustomizationsWithHealth() {
    open("/objects/Kustomization/" + fleet.namespace + "/flux-system");
    WebElement infra =
        browser.driver.findElement(
            By.cssSelector("#tree li[data-ref='Kustomization/" + fleet.namespace + "/infra']"));
    WebElement web =
        infra.findElement(By.cssSelector("li[data-ref='Deployment/" + fleet.namespace + "/web']"));
    // the simulated cluster rolls Deployments out at once; cairn-health judges the live object
    assertThat(web.findElement(By.className("health")).getText()).isEqualTo("Current");
    assertThat(web.findElements(By.tagName("a")))
        .as("no dashboard page for a Deployment")
        .isEmpty();
    assertThat(infra.findElement(By.cssSelector("a.node")).getAttribute("href"))
        .endsWith("/objects/Kustomization/" + fleet.namespace + "/infra");
    assertThat(
            infra
                .findElement(
                    By.cssSelector("li[data-ref='Secret/" + fleet.namespace + "/db-password']"))
                .getText())
        .doesNotContain("data");
    assertThat(browser.driver.findElement(By.id("spec")).getText()).contains("path: ./flux-system");
    browser.screenshot("object");
  }

  @Test
  void markupInAMessageIsShownAsText() {
    open("/objects/Kustomization/" + fleet.namespace + "/broken");
    assertThat(browser.driver.findElement(By.id("message")).getText())
        .isEqualTo(FleetFixture.SCRIPT_MESSAGE);
    assertThat(browser.driver.findElements(By.cssSelector("#message script, #message img")))
        .isEmpty();
    assertThat(((JavascriptExecutor) browser.driver).executeScript("return window.pwned")).isNull();
    browser.screenshot("object-escaped");
  }

  @Test
  void theGraphLinksSourcesToDependentsAndHighlightsFailingPaths() {
    open("/graph");
    String ns = fleet.namespace;
    WebElement broken =
        browser.driver.findElement(
            By.cssSelector("#graph a[data-ref='Kustomization/" + ns + "/broken'] rect"));
    assertThat(broken.getAttribute("class")).isEqualTo("failed");
    WebElement dependsOn =
        browser.driver.findElement(
            By.cssSelector(
                "#graph line[data-from='Kustomization/"
                    + ns
                    + "/infra'][data-to='Kustomization/"
                    + ns
                    + "/apps']"));
    assertThat(dependsOn.getAttribute("class")).isEqualTo("depends");
    WebElement intoFailure =
        browser.driver.findElement(
            By.cssSelector(
                "#graph line[data-from='GitRepository/"
                    + ns
                    + "/fleet'][data-to='Kustomization/"
                    + ns
                    + "/broken']"));
    assertThat(intoFailure.getAttribute("class")).isEqualTo("failing");
    browser.screenshot("graph");
  }

  @Test
  void theDiffWithGitMasksSecretValues() {
    open("/objects/Kustomization/" + diffNamespace + "/app");
    await()
        .atMost(WAIT)
        .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
        .untilAsserted(
            () ->
                assertThat(browser.driver.findElement(By.id("diff")).getText())
                    .startsWith("2 of 2 objects differ from Git."));
    String diff = browser.driver.findElement(By.id("diff")).getText();
    assertThat(diff).contains("-  color: red").contains("+  color: blue");
    assertThat(browser.driver.getPageSource())
        .doesNotContain("hunter2")
        .doesNotContain("swordfish")
        .doesNotContain("Y2x1c3Rlci1zaWRlLXN3b3JkZmlzaA") // base64 of the cluster's value
        .doesNotContain("Z2l0LXNpZGUtaHVudGVyMg"); // base64 of Git's value
    browser.screenshot("object-diff");
  }

  private static String annotation(String name, String key) {
    var object =
        client
            .genericKubernetesResources(FleetFixture.KS)
            .inNamespace(fleet.namespace)
            .withName(name)
            .get();
    return object.getMetadata().getAnnotations() == null
        ? null
        : object.getMetadata().getAnnotations().get(key);
  }

  private static boolean suspended(String name) {
    var object =
        client
            .genericKubernetesResources(FleetFixture.KS)
            .inNamespace(fleet.namespace)
            .withName(name)
            .get();
    Object spec = object.getAdditionalProperties().get("spec");
    return spec instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("suspend"));
  }
}

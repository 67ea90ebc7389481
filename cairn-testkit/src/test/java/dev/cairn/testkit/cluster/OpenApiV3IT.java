package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI v3 documents kubectl reads before it leaves field validation to the server: the index
 * of group-versions at {@code /openapi/v3}, each group-version's document with a PATCH operation
 * per kind that takes {@code fieldValidation}, and a CRD's group-version appearing and going with
 * the CRD. {@code /openapi/v2} stays 404.
 */
@ExtendWith(ClusterExtension.class)
class OpenApiV3IT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEPLOYMENT_ITEM =
      "/apis/apps/v1/namespaces/{namespace}/deployments/{name}";

  // HTTP/1.1 as kubectl speaks to a plain-http server: the default h2c upgrade attempt once left a
  // request unanswered; and a bound on every request, so a lost answer fails the test, not the
  // build
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private TestCluster cluster;

  @BeforeEach
  void simulatedOnly(TestCluster cluster) {
    Assumptions.assumeTrue(cluster.isSimulated(), "reads the simulated cluster over plain HTTP");
    this.cluster = cluster;
  }

  @Test
  void indexPointsAtEachGroupVersionDocumentByItsHash() throws Exception {
    JsonNode index = JSON.readTree(get("/openapi/v3").body());
    String url = index.path("paths").path("apis/apps/v1").path("serverRelativeURL").asText();

    HttpResponse<String> document = get(url);

    assertThat(index.path("paths").has("api/v1")).isTrue();
    assertThat(url).startsWith("/openapi/v3/apis/apps/v1?hash=");
    assertThat(document.statusCode()).isEqualTo(200);
    String hash = url.substring(url.indexOf("hash=") + 5);
    assertThat(hash).isEqualTo(sha512(document.body()));
    assertThat(document.headers().firstValue("ETag")).contains("\"" + hash + "\"");
    assertThat(document.headers().firstValue("Cache-Control")).contains("public, immutable");
  }

  @Test
  void anOutdatedHashIsRedirectedToTheCurrentDocument() throws Exception {
    String current =
        JSON.readTree(get("/openapi/v3").body())
            .path("paths")
            .path("apis/apps/v1")
            .path("serverRelativeURL")
            .asText();

    HttpResponse<String> stale = get("/openapi/v3/apis/apps/v1?hash=0A1B");

    assertThat(stale.statusCode()).isEqualTo(301);
    assertThat(stale.headers().firstValue("Location")).contains(current);
  }

  @Test
  void patchOperationsNameTheirKindAndTakeFieldValidation() throws Exception {
    JsonNode apps = JSON.readTree(get("/openapi/v3/apis/apps/v1").body());
    JsonNode rbac = JSON.readTree(get("/openapi/v3/apis/rbac.authorization.k8s.io/v1").body());

    JsonNode patch = apps.path("paths").path(DEPLOYMENT_ITEM).path("patch");
    assertThat(patch.path("x-kubernetes-action").asText()).isEqualTo("patch");
    assertThat(patch.path("x-kubernetes-group-version-kind"))
        .isEqualTo(
            JSON.valueToTree(Map.of("group", "apps", "version", "v1", "kind", "Deployment")));
    assertThat(queryParameters(patch))
        .containsExactlyInAnyOrder("dryRun", "fieldManager", "fieldValidation", "force");
    assertThat(apps.path("paths").has(DEPLOYMENT_ITEM + "/status")).isTrue();
    assertThat(apps.path("paths").has("/apis/apps/v1/deployments")).isTrue();
    assertThat(
            apps.path("components")
                .path("schemas")
                .path("io.k8s.api.apps.v1.Deployment")
                .path("x-kubernetes-group-version-kind")
                .get(0)
                .path("kind")
                .asText())
        .isEqualTo("Deployment");
    // cluster-scoped kinds have no namespaces/{namespace} segment
    assertThat(
            rbac.path("paths")
                .path("/apis/rbac.authorization.k8s.io/v1/clusterroles/{name}")
                .path("patch")
                .path("x-kubernetes-group-version-kind")
                .path("kind")
                .asText())
        .isEqualTo("ClusterRole");
    assertThat(get("/openapi/v2").statusCode()).isEqualTo(404);
  }

  @Test
  void aCrdGroupVersionIsServedWhileTheCrdExists() throws Exception {
    Widgets widgets = new Widgets("openapi.test.cairn.dev");
    String groupVersion = "apis/" + widgets.group + "/v1";
    assertThat(JSON.readTree(get("/openapi/v3").body()).path("paths").has(groupVersion)).isFalse();

    widgets.createEstablished(cluster.client());
    JsonNode index = JSON.readTree(get("/openapi/v3").body());
    JsonNode document =
        JSON.readTree(
            get(index.path("paths").path(groupVersion).path("serverRelativeURL").asText()).body());

    JsonNode schema =
        document.path("components").path("schemas").path("dev.cairn.test.openapi.v1.Widget");
    assertThat(schema.path("properties").path("spec").path("properties").has("parts")).isTrue();
    assertThat(schema.path("x-kubernetes-group-version-kind").get(0).path("group").asText())
        .isEqualTo(widgets.group);
    JsonNode patch =
        document
            .path("paths")
            .path("/" + groupVersion + "/namespaces/{namespace}/widgets/{name}")
            .path("patch");
    assertThat(queryParameters(patch)).contains("fieldValidation");

    cluster
        .client()
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(widgets.crdName())
        .delete();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(JSON.readTree(get("/openapi/v3").body()).path("paths").has(groupVersion))
                    .as(groupVersion + " left the index")
                    .isFalse());
    assertThat(get("/openapi/v3/" + groupVersion).statusCode()).isEqualTo(404);
  }

  private static List<String> queryParameters(JsonNode operation) {
    List<String> names = new ArrayList<>();
    operation
        .path("parameters")
        .forEach(
            p -> {
              if (p.path("in").asText().equals("query")) {
                names.add(p.path("name").asText());
              }
            });
    return names;
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(cluster.simulated().orElseThrow().masterUrl() + path))
            .header("Accept", "application/json")
            .timeout(java.time.Duration.ofSeconds(30))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String sha512(String body) throws Exception {
    return HexFormat.of()
        .withUpperCase()
        .formatHex(
            MessageDigest.getInstance("SHA-512").digest(body.getBytes(StandardCharsets.UTF_8)));
  }
}

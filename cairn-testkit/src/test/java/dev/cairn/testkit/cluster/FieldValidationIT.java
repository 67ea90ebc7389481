package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code fieldValidation} on create and patch, as kube-apiserver honours it for fields a kind does
 * not declare: {@code Strict} refuses (400 for a body, 422 for a patch), {@code Warn} (the default)
 * drops the field and names it in a {@code Warning} header, {@code Ignore} drops it silently.
 */
@ExtendWith(ClusterExtension.class)
class FieldValidationIT {
  private static final String COLOURFUL =
      "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"%s\"},"
          + "\"data\":{\"a\":\"1\"},\"colour\":\"red\"}";

  private final HttpClient http = HttpClient.newHttpClient();
  private TestCluster cluster;
  private String ns;

  @BeforeEach
  void namespace(TestCluster cluster) {
    Assumptions.assumeTrue(cluster.isSimulated(), "plain HTTP needs the simulated cluster");
    this.cluster = cluster;
    ns = cluster.createNamespace("fv");
  }

  @Test
  void strictRefusesACreateWithAnUndeclaredField() throws Exception {
    HttpResponse<String> response = create("strict", "?fieldValidation=Strict");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains(
            "ConfigMap in version \\\"v1\\\" cannot be handled as a ConfigMap: strict decoding"
                + " error: unknown field \\\"colour\\\"")
        .contains("\"reason\":\"BadRequest\"");
    assertThat(cluster.client().configMaps().inNamespace(ns).withName("strict").get()).isNull();
  }

  @Test
  void warnIsTheDefaultAndNamesTheDroppedField() throws Exception {
    HttpResponse<String> response = create("warned", "");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Warning"))
        .contains("299 - \"unknown field \\\"colour\\\"\"");
    assertThat(response.body()).doesNotContain("colour");
  }

  @Test
  void ignoreDropsTheFieldSilently() throws Exception {
    HttpResponse<String> response = create("ignored", "?fieldValidation=Ignore");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Warning")).isEmpty();
    assertThat(response.body()).doesNotContain("colour");
  }

  @Test
  void strictRefusesAMergePatchThatAddsAnUndeclaredField() throws Exception {
    assertThat(create("patched", "?fieldValidation=Ignore").statusCode()).isEqualTo(201);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url("/patched?fieldValidation=Strict")))
            .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"size\":3}"))
            .header("Content-Type", "application/merge-patch+json")
            .build();

    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body())
        .contains("is invalid: patch: Invalid value: ")
        .contains("strict decoding error: unknown field \\\"size\\\"");
  }

  private HttpResponse<String> create(String name, String query) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url(query)))
            .POST(HttpRequest.BodyPublishers.ofString(COLOURFUL.formatted(name)))
            .header("Content-Type", "application/json")
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String url(String rest) {
    return cluster.simulated().orElseThrow().masterUrl()
        + "/api/v1/namespaces/"
        + ns
        + "/configmaps"
        + rest;
  }
}

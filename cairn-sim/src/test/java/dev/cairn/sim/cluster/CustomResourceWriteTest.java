package dev.cairn.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes of a custom resource, whose object the schema checks as the request decodes it ({@code
 * fieldValidation}) and again as it is stored: Strict still refuses undeclared fields with
 * kube-apiserver's messages, Warn still names and drops them, defaults and validation still apply,
 * and the answer to a write is the JSON that was stored.
 */
class CustomResourceWriteTest {
  private static final String CRD =
      """
      {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
       "metadata":{"name":"widgets.x.dev"},
       "spec":{"group":"x.dev","scope":"Namespaced",
        "names":{"kind":"Widget","plural":"widgets","singular":"widget","listKind":"WidgetList"},
        "versions":[{"name":"v1","served":true,"storage":true,"subresources":{"status":{}},
         "schema":{"openAPIV3Schema":{"type":"object","properties":{
          "spec":{"type":"object","properties":{
           "url":{"type":"string"},"interval":{"type":"string","default":"1m"}}},
          "status":{"type":"object","properties":{
           "phase":{"type":"string","enum":["Ready","Failed"]},"count":{"type":"integer"}}}}}}}]}}
      """;
  private static final String WIDGETS = "/apis/x.dev/v1/namespaces/default/widgets";

  private ScheduledExecutorService controllers;
  private SimulatedApiDispatcher dispatcher;

  @BeforeEach
  void crd() {
    controllers = Executors.newSingleThreadScheduledExecutor();
    dispatcher = new SimulatedApiDispatcher(new SchemaObjectValidator(), controllers);
    ApiResponse created =
        send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", null, CRD);
    assertThat(created.code()).isEqualTo(201);
    establish();
    assertThat(send("POST", WIDGETS, null, widget("w", "")).code()).isEqualTo(201);
  }

  /** What the CRD controllers do after the create, done here so the test need not wait. */
  private void establish() {
    ObjectKey key =
        new ObjectKey("apiextensions.k8s.io", "customresourcedefinitions", "", "widgets.x.dev");
    ObjectStore.Stored crd = dispatcher.store().get(key);
    ObjectNode next = crd.object().deepCopy();
    LifecycleStatus.establish(next);
    dispatcher.lock().writeLock().lock();
    try {
      dispatcher.writer().system(crd.type(), key, next);
    } finally {
      dispatcher.lock().writeLock().unlock();
    }
  }

  @AfterEach
  void stop() {
    controllers.shutdownNow();
  }

  private ApiResponse send(String method, String target, String contentType, String body) {
    Map<String, String> headers =
        contentType == null ? Map.of() : Map.of("Content-Type", contentType);
    return dispatcher.dispatch(ApiRequest.parse(method, target, headers::get, body), null);
  }

  private static String widget(String name, String extra) {
    return "{\"apiVersion\":\"x.dev/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\""
        + name
        + "\"},\"spec\":{\"url\":\"https://x\""
        + extra
        + "}}";
  }

  private ApiResponse patchStatus(String query, String patch) {
    return send("PATCH", WIDGETS + "/w/status" + query, "application/merge-patch+json", patch);
  }

  private JsonNode stored() {
    return Json.parse(send("GET", WIDGETS + "/w", null, null).body());
  }

  @Test
  void strictRefusesAnUndeclaredFieldOfACreatedCustomResource() {
    ApiResponse response =
        send("POST", WIDGETS + "?fieldValidation=Strict", null, widget("s", ",\"colour\":1"));

    assertThat(response.code()).isEqualTo(400);
    assertThat(Json.parse(response.body()).path("message").asText())
        .isEqualTo(
            "Widget in version \"v1\" cannot be handled as a Widget: strict decoding error:"
                + " unknown field \"spec.colour\"");
  }

  @Test
  void warnNamesAndDropsAnUndeclaredFieldAndTheDefaultStillApplies() {
    ApiResponse response = send("POST", WIDGETS, null, widget("d", ",\"colour\":1"));

    JsonNode body = Json.parse(response.body());
    assertThat(response.code()).isEqualTo(201);
    assertThat(response.headers().get("Warning"))
        .isEqualTo("299 - \"unknown field \\\"spec.colour\\\"\"");
    assertThat(body.path("spec").has("colour")).isFalse();
    assertThat(body.path("spec").path("interval").asText()).isEqualTo("1m");
  }

  @Test
  void strictRefusesAStatusPatchWithAnUndeclaredField() {
    ApiResponse response =
        patchStatus("?fieldValidation=Strict", "{\"status\":{\"phase\":\"Ready\",\"colour\":1}}");

    assertThat(response.code()).isEqualTo(422);
    assertThat(Json.parse(response.body()).path("message").asText())
        .startsWith(" \"\" is invalid: patch: Invalid value: ")
        .endsWith(": strict decoding error: unknown field \"status.colour\"");
    assertThat(stored().has("status")).isFalse();
  }

  @Test
  void warnDropsAnUndeclaredStatusFieldAndStoresTheRest() {
    ApiResponse response = patchStatus("", "{\"status\":{\"phase\":\"Ready\",\"colour\":1}}");

    assertThat(response.code()).isEqualTo(200);
    assertThat(response.headers().get("Warning"))
        .isEqualTo("299 - \"unknown field \\\"status.colour\\\"\"");
    assertThat(stored().path("status").toString()).isEqualTo("{\"phase\":\"Ready\"}");
  }

  @Test
  void anInvalidStatusIsRefusedAfterAValidOneOfTheSameObject() {
    assertThat(patchStatus("", "{\"status\":{\"phase\":\"Ready\"}}").code()).isEqualTo(200);

    ApiResponse response = patchStatus("", "{\"status\":{\"phase\":\"Lost\"}}");

    assertThat(response.code()).isEqualTo(422);
    assertThat(Json.parse(response.body()).path("message").asText())
        .isEqualTo(
            "Widget.x.dev \"w\" is invalid: status.phase: Unsupported value: \"Lost\":"
                + " supported values: \"Ready\", \"Failed\"");
    assertThat(stored().path("status").path("phase").asText()).isEqualTo("Ready");
  }

  @Test
  void aWriteAnswersWithTheJsonItStored() {
    ApiResponse patched = patchStatus("", "{\"status\":{\"phase\":\"Ready\",\"count\":2}}");
    String afterPatch = send("GET", WIDGETS + "/w", null, null).body();
    ApiResponse unchanged = patchStatus("", "{\"status\":{\"phase\":\"Ready\"}}");

    assertThat(patched.body()).isEqualTo(afterPatch);
    assertThat(unchanged.body()).isEqualTo(afterPatch);
  }
}

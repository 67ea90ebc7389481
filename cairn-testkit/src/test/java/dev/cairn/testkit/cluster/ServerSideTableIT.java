package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-side Table output: a GET or list asking for {@code application/json;as=Table;v=v1;
 * g=meta.k8s.io} (as {@code kubectl get} does) gets the kind's columns as kube-apiserver's printers
 * define them, and custom resources their CRD's {@code additionalPrinterColumns}.
 */
@ExtendWith(ClusterExtension.class)
class ServerSideTableIT {
  static final String TABLE =
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;"
          + "g=meta.k8s.io,application/json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private KubernetesClient client;
  private String ns;

  @BeforeEach
  void namespace(TestCluster cluster) {
    client = cluster.client();
    ns = cluster.createNamespace("table");
  }

  @Test
  void deploymentsPrintReadyUpToDateAvailableAndTheWideColumns() throws Exception {
    apply(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: "
            + ns
            + "\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n"
            + "  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n"
            + "      containers:\n      - name: nginx\n        image: nginx:1.27\n"
            + "      - name: sidecar\n        image: busybox:1.36\n");

    JsonNode table = table("/apis/apps/v1/namespaces/" + ns + "/deployments");

    assertThat(table.path("kind").asText()).isEqualTo("Table");
    assertThat(table.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    assertThat(columns(table))
        .containsExactly(
            "Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector");
    assertThat(table.path("columnDefinitions").get(5).path("priority").asInt()).isEqualTo(1);
    JsonNode cells = table.path("rows").get(0).path("cells");
    assertThat(cells.get(0).asText()).isEqualTo("web");
    assertThat(cells.get(4).asText()).matches("\\d+s");
    assertThat(cells.get(5).asText()).isEqualTo("nginx,sidecar");
    assertThat(cells.get(6).asText()).isEqualTo("nginx:1.27,busybox:1.36");
    assertThat(cells.get(7).asText()).isEqualTo("app=web");
    JsonNode object = table.path("rows").get(0).path("object");
    assertThat(object.path("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(object.path("metadata").path("namespace").asText()).isEqualTo(ns);
    assertThat(object.path("metadata").has("managedFields")).isFalse();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode ready = table("/apis/apps/v1/namespaces/" + ns + "/deployments/web");
              JsonNode row = ready.path("rows").get(0).path("cells");
              assertThat(row.get(1).asText()).isEqualTo("2/2");
              assertThat(row.get(2).asLong()).isEqualTo(2);
              assertThat(row.get(3).asLong()).isEqualTo(2);
            });
  }

  @Test
  void servicesConfigMapsSecretsAndNamespacesPrintTheirOwnColumns() throws Exception {
    apply(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: "
            + ns
            + "\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n");
    apply(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: "
            + ns
            + "\ndata:\n  a: '1'\n  b: '2'\n");
    apply(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  namespace: "
            + ns
            + "\nstringData:\n  token: s3cr3t\n");

    JsonNode services = table("/api/v1/namespaces/" + ns + "/services");
    JsonNode configMaps = table("/api/v1/namespaces/" + ns + "/configmaps/settings");
    JsonNode secrets = table("/api/v1/namespaces/" + ns + "/secrets/token");
    JsonNode namespace = table("/api/v1/namespaces/" + ns);

    assertThat(columns(services))
        .containsExactly("Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector");
    JsonNode service = services.path("rows").get(0).path("cells");
    String clusterIp =
        client.services().inNamespace(ns).withName("web").get().getSpec().getClusterIP();
    assertThat(service.get(1).asText()).isEqualTo("ClusterIP");
    assertThat(service.get(2).asText()).isEqualTo(clusterIp).isNotBlank();
    assertThat(service.get(3).asText()).isEqualTo("<none>");
    assertThat(service.get(4).asText()).isEqualTo("80/TCP");
    assertThat(service.get(6).asText()).isEqualTo("app=web");
    assertThat(columns(configMaps)).containsExactly("Name", "Data", "Age");
    assertThat(configMaps.path("rows").get(0).path("cells").get(1).asLong()).isEqualTo(2);
    assertThat(columns(secrets)).containsExactly("Name", "Type", "Data", "Age");
    assertThat(secrets.path("rows").get(0).path("cells").get(1).asText()).isEqualTo("Opaque");
    assertThat(secrets.path("rows").get(0).path("cells").get(2).asLong()).isEqualTo(1);
    assertThat(secrets.toString()).doesNotContain("s3cr3t");
    assertThat(columns(namespace)).containsExactly("Name", "Status", "Age");
    assertThat(namespace.path("rows").get(0).path("cells").get(1).asText()).isEqualTo("Active");
  }

  @Test
  void jobsPrintStatusAndCompletions() throws Exception {
    apply(
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\n  namespace: "
            + ns
            + "\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n"
            + "      - name: run\n        image: busybox:1.36\n");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode table = table("/apis/batch/v1/namespaces/" + ns + "/jobs/once");
              assertThat(columns(table))
                  .containsExactly(
                      "Name",
                      "Status",
                      "Completions",
                      "Duration",
                      "Age",
                      "Containers",
                      "Images",
                      "Selector");
              JsonNode cells = table.path("rows").get(0).path("cells");
              assertThat(cells.get(1).asText()).isEqualTo("Complete");
              assertThat(cells.get(2).asText()).isEqualTo("1/1");
            });
  }

  @Test
  void customResourcesPrintTheirCrdsPrinterColumns() throws Exception {
    String group = "table.cairn.test";
    CustomResourceDefinition crd =
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .resource(
                io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
                    gadgetCrd(group), CustomResourceDefinition.class))
            .serverSideApply();
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(crd.getMetadata().getName())
        .waitUntilCondition(
            c ->
                c.getStatus() != null
                    && c.getStatus().getConditions().stream()
                        .anyMatch(x -> x.getType().equals("Established")),
            30,
            TimeUnit.SECONDS);
    apply(
        "apiVersion: "
            + group
            + "/v1\nkind: Gadget\nmetadata:\n  name: g1\n  namespace: "
            + ns
            + "\nspec:\n  size: 3\n  colour: blue\n");

    JsonNode table = table("/apis/" + group + "/v1/namespaces/" + ns + "/gadgets");
    JsonNode plain = table("/apis/" + group + "/v2/namespaces/" + ns + "/gadgets");

    assertThat(columns(table)).containsExactly("Name", "Size", "Colour", "Ready", "Age");
    assertThat(table.path("columnDefinitions").get(1).path("type").asText()).isEqualTo("integer");
    JsonNode cells = table.path("rows").get(0).path("cells");
    assertThat(cells.get(0).asText()).isEqualTo("g1");
    assertThat(cells.get(1).isIntegralNumber()).isTrue();
    assertThat(cells.get(1).asLong()).isEqualTo(3);
    assertThat(cells.get(2).asText()).isEqualTo("blue");
    assertThat(cells.get(3).isNull()).as("no Ready condition yet").isTrue();
    assertThat(cells.get(4).asText()).matches("\\d+s");
    assertThat(columns(plain)).containsExactly("Name", "Age");
    assertThat(plain.path("columnDefinitions").get(1).path("type").asText()).isEqualTo("date");
  }

  @Test
  void aPlainAcceptHeaderStillGetsTheList() throws Exception {
    JsonNode list = get("/api/v1/namespaces", "application/json");

    assertThat(list.path("kind").asText()).isEqualTo("NamespaceList");
  }

  @Test
  void kubectlGetPrintsTheServersColumns(TestCluster cluster, @TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed");
    Path kubeconfig =
        cluster.isSimulated()
            ? cluster.simulated().orElseThrow().writeKubeconfig(dir.resolve("config"))
            : Path.of(System.getenv("KUBECONFIG"));
    apply(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: "
            + ns
            + "\nspec:\n  selector:\n    matchLabels:\n      app: api\n  template:\n"
            + "    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n"
            + "      - name: api\n        image: example/api:2\n");

    String plain = kubectl(kubeconfig, "get", "deploy", "-n", ns);
    String wide = kubectl(kubeconfig, "get", "deployments", "-n", ns, "-o", "wide");

    assertThat(plain.lines().findFirst().orElseThrow().split("\\s+"))
        .containsExactly("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE");
    assertThat(plain).containsPattern("(?m)^api\\s+[01]/1\\s+");
    assertThat(wide.lines().findFirst().orElseThrow().split("\\s+"))
        .containsExactly(
            "NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR");
    assertThat(wide).contains("example/api:2").contains("app=api");
  }

  private static String kubectl(Path kubeconfig, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("kubectl did not finish: " + command);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null
        && Arrays.stream(path.split(File.pathSeparator))
            .anyMatch(entry -> Files.isExecutable(Path.of(entry, program)));
  }

  private static String gadgetCrd(String group) {
    String version =
        "  - name: %s\n    served: true\n    storage: %s\n    schema:\n      openAPIV3Schema:\n"
            + "        type: object\n        x-kubernetes-preserve-unknown-fields: true\n"
            + "    subresources:\n      status: {}\n";
    String columns =
        "    additionalPrinterColumns:\n"
            + "    - name: Size\n      type: integer\n      jsonPath: .spec.size\n"
            + "    - name: Colour\n      type: string\n      jsonPath: .spec.colour\n"
            + "    - name: Ready\n      type: string\n"
            + "      jsonPath: .status.conditions[?(@.type==\"Ready\")].status\n"
            + "    - name: Age\n      type: date\n      jsonPath: .metadata.creationTimestamp\n";
    return "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n"
        + "  name: gadgets."
        + group
        + "\nspec:\n  group: "
        + group
        + "\n  scope: Namespaced\n  names:\n    kind: Gadget\n    plural: gadgets\n"
        + "    singular: gadget\n    listKind: GadgetList\n  versions:\n"
        + String.format(version, "v1", "true")
        + columns
        + String.format(version, "v2", "false");
  }

  private void apply(String yaml) {
    client.resource(yaml).fieldManager("table-test").forceConflicts().serverSideApply();
  }

  private static List<String> columns(JsonNode table) {
    List<String> names = new ArrayList<>();
    table.path("columnDefinitions").forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  private JsonNode table(String path) throws Exception {
    return get(path, TABLE);
  }

  private JsonNode get(String path, String accept) throws Exception {
    HttpClient http = client.getHttpClient();
    URI uri = client.getMasterUrl().toURI().resolve(path);
    HttpRequest request = http.newHttpRequestBuilder().uri(uri).header("Accept", accept).build();
    HttpResponse<String> response = http.sendAsync(request, String.class).get(30, TimeUnit.SECONDS);
    assertThat(response.code()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}

package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cli.cluster.CairnKind;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Cairn objects written straight into a test cluster, with the status a controller would set. */
final class CliFixture {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CliFixture() {}

  /** A kubeconfig for {@code cluster}: the simulated one's, or the real one of KUBECONFIG. */
  static Path kubeconfig(TestCluster cluster, Path dir) {
    return cluster
        .simulated()
        .map(s -> s.writeKubeconfig(dir.resolve("kubeconfig")))
        .orElseGet(() -> Path.of(System.getenv("KUBECONFIG")));
  }

  static void installCrds(KubernetesClient client) {
    CairnCrdInstaller.installAll(client);
  }

  /** Creates {@code yaml} (a Cairn object) and then sets its {@code status}. */
  static void create(KubernetesClient client, CairnKind kind, String yaml, String statusJson)
      throws Exception {
    GenericKubernetesResource object =
        Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    GenericKubernetesResource created =
        client
            .genericKubernetesResources(kind.context())
            .inNamespace(object.getMetadata().getNamespace())
            .resource(object)
            .create();
    if (statusJson != null) {
      created.setAdditionalProperty("status", MAPPER.readValue(statusJson, Map.class));
      client
          .genericKubernetesResources(kind.context())
          .inNamespace(object.getMetadata().getNamespace())
          .resource(created)
          .updateStatus();
    }
  }

  static String condition(String status, String reason, String message) {
    return "{\"type\":\"Ready\",\"status\":\""
        + status
        + "\",\"reason\":\""
        + reason
        + "\",\"message\":\""
        + message
        + "\",\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"}";
  }

  static List<String> inventory(String... ids) {
    List<String> entries = new ArrayList<>();
    for (String id : ids) {
      entries.add("{\"id\":\"" + id + "\",\"v\":\"v1\"}");
    }
    return entries;
  }

  static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}

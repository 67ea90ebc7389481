package dev.cairn.cli.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cairn.api.schema.CairnCrds;
import dev.cairn.manifest.YamlReader;
import dev.cairn.manifest.YamlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects that put Cairn into a cluster, in apply order: the CRDs, the namespace (enforcing the
 * restricted Pod Security Standard), the ServiceAccount and its RBAC, the controller Deployment,
 * the Services of its probes and metrics, of its artifacts ({@code cairn-source}) and of its
 * webhook Receivers, a NetworkPolicy, and a PodDisruptionBudget when there is more than one
 * replica. The Helm chart in {@code deploy/chart} renders the same objects (a test holds them
 * equal).
 *
 * <p>Sizing (docs/benchmarks.md): a 1,000-Kustomization fleet peaked at 241 MiB of heap under
 * {@code -Xmx256m} together with the simulated API server; Helm's native library (~100 MiB) and the
 * JVM's metaspace and threads live outside the heap. The container therefore requests 512 MiB and
 * is limited to 1 GiB with the heap at half of it ({@code -XX:MaxRAMPercentage=50}); it requests
 * 100m CPU (a steady state is idle between intervals) and has no CPU limit, so a burst of renders
 * is not throttled.
 */
public final class InstallManifests {
  public static final String NAME = "cairn-controller";
  static final int PROBE_PORT = 8080;
  static final int ARTIFACT_PORT = 9090;
  static final int RECEIVER_PORT = 9292;

  private InstallManifests() {}

  /** Every object, as JSON trees. */
  public static List<JsonNode> objects(InstallSettings settings) {
    List<JsonNode> objects = new ArrayList<>();
    CairnCrds.KINDS.forEach(kind -> objects.add(CairnCrds.crd(kind).deepCopy()));
    Map<String, String> values =
        Map.of(
            "{{namespace}}", settings.namespace(),
            "{{image}}", settings.image(),
            "{{replicas}}", Integer.toString(settings.replicas()),
            "{{logLevel}}", settings.logLevel(),
            "{{uid}}", Long.toString(InstallSettings.UID),
            "{{name}}", NAME,
            "{{port}}", Integer.toString(PROBE_PORT),
            "{{artifactPort}}", Integer.toString(ARTIFACT_PORT),
            "{{receiverPort}}", Integer.toString(RECEIVER_PORT));
    String text = InstallTemplates.CORE;
    if (settings.replicas() > 1) {
      text += InstallTemplates.DISRUPTION_BUDGET;
    }
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace(value.getKey(), value.getValue());
    }
    YamlReader.defaults().readAll("install", text).forEach(doc -> objects.add(doc.content()));
    addControllerArgs(objects, settings.controllerArgs());
    return objects;
  }

  /** The optional flags after the fixed arguments of the Deployment's container. */
  private static void addControllerArgs(List<JsonNode> objects, ControllerArgs extra) {
    for (JsonNode object : objects) {
      if ("Deployment".equals(object.path("kind").asText())) {
        ArrayNode args = (ArrayNode) object.at("/spec/template/spec/containers/0/args");
        extra.args().forEach(args::add);
      }
    }
  }

  /** Every object as one YAML stream, as {@code cairn install --export} prints it. */
  public static String yaml(InstallSettings settings) {
    return YamlWriter.writeAll(objects(settings));
  }
}

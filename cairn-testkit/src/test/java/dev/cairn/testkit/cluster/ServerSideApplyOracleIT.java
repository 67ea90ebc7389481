package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Compares the cluster's server-side apply with structured-merge-diff, the library kube-apiserver
 * uses (through {@link SsaOracle}), on generated cases ({@link SsaCaseGenerator}): per step whether
 * the apply conflicts and with whom on which fields, then each manager's managed fields, then the
 * merged object. The oracle's object is defaulted by a dry-run create on the same cluster before
 * comparing, since the library merges without the API server's defaulting. Skipped when Go or
 * Debian's structured-merge-diff sources are missing. Known divergences are listed in this module's
 * README.
 */
@ExtendWith(ClusterExtension.class)
class ServerSideApplyOracleIT {
  private static final int CASES_PER_TYPE = 100;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MANAGER = Pattern.compile("conflict with \"([^\"]+)\"");

  @Test
  void theSimulatorMergesAsStructuredMergeDiffDoes(TestCluster cluster) throws Exception {
    Assumptions.assumeTrue(
        SsaOracle.available(), "go or " + SsaOracle.GOCODE + "/sigs.k8s.io is not installed");
    SsaOracle oracle = SsaOracle.build(Path.of("target"));
    long seed = Long.getLong("ssa.oracle.seed", 20261207L);
    SsaCaseGenerator generator = new SsaCaseGenerator(seed);
    ArrayNode cases = JSON.createArrayNode();
    for (String type : SsaCaseGenerator.TYPES) {
      for (int i = 0; i < CASES_PER_TYPE; i++) {
        cases.add(generator.next(type, type + "-" + i));
      }
    }
    JsonNode expected = oracle.run(cases);
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(Path.of("target/ssa-oracle/cases.json").toFile(), cases);
    String ns = cluster.createNamespace("ssa-oracle");

    List<String> divergences = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      divergences.addAll(compare(cluster.client(), ns, cases.get(i), expected.get(i)));
    }

    assertThat(expected.size()).isEqualTo(cases.size());
    assertThat(divergences).as("seed " + seed).isEmpty();
  }

  private static List<String> compare(
      KubernetesClient client, String ns, JsonNode testCase, JsonNode oracle) throws Exception {
    String name = testCase.path("name").asText();
    List<String> out = new ArrayList<>();
    JsonNode steps = testCase.path("steps");
    for (int s = 0; s < steps.size(); s++) {
      JsonNode step = steps.get(s);
      TreeSet<String> actual;
      try {
        actual = apply(client, ns, step);
      } catch (KubernetesClientException e) {
        out.add(name + " step " + s + ": " + e.getStatus().getMessage() + " in " + steps);
        return out;
      }
      TreeSet<String> wanted = new TreeSet<>();
      oracle
          .path("steps")
          .get(s)
          .path("conflicts")
          .forEach(c -> wanted.add(c.path("manager").asText() + " " + c.path("path").asText()));
      if (!actual.equals(wanted)) {
        out.add(name + " step " + s + ": conflicts " + actual + ", oracle " + wanted);
        return out;
      }
    }
    GenericKubernetesResource live = resource(client, ns, testCase, name).get();
    Map<String, JsonNode> fields = new TreeMap<>();
    for (ManagedFieldsEntry entry : live.getMetadata().getManagedFields()) {
      if (entry.getOperation().equals("Apply")) {
        fields.put(
            entry.getManager(), JSON.valueToTree(entry.getFieldsV1().getAdditionalProperties()));
      }
    }
    Map<String, JsonNode> wantedFields = new TreeMap<>();
    oracle
        .path("managedFields")
        .fields()
        .forEachRemaining(e -> wantedFields.put(e.getKey(), e.getValue()));
    if (!fields.equals(wantedFields)) {
      out.add(name + ": managed fields " + fields + ", oracle " + wantedFields);
    }
    JsonNode mine = comparable(JSON.valueToTree(live));
    JsonNode theirs = comparable(defaulted(client, ns, testCase, oracle.path("object")));
    if (!mine.equals(theirs)) {
      out.add(name + ": object " + mine + ", oracle " + theirs);
    }
    return out;
  }

  /** Applies one step; returns the conflicts ("manager path") of a 409, none otherwise. */
  private static TreeSet<String> apply(KubernetesClient client, String ns, JsonNode step)
      throws Exception {
    GenericKubernetesResource object =
        JSON.treeToValue(step.path("object"), GenericKubernetesResource.class);
    TreeSet<String> conflicts = new TreeSet<>();
    try {
      var resource =
          client.resource(object).inNamespace(ns).fieldManager(step.path("manager").asText());
      if (step.path("force").asBoolean()) {
        resource.forceConflicts().serverSideApply();
      } else {
        resource.serverSideApply();
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409 || e.getStatus() == null || e.getStatus().getDetails() == null) {
        throw e;
      }
      for (StatusCause cause : e.getStatus().getDetails().getCauses()) {
        Matcher m = MANAGER.matcher(cause.getMessage());
        conflicts.add((m.find() ? m.group(1) : cause.getMessage()) + " " + cause.getField());
      }
    }
    return conflicts;
  }

  /** The oracle's merged object as the cluster stores it: created with dryRun under a new name. */
  private static JsonNode defaulted(
      KubernetesClient client, String ns, JsonNode testCase, JsonNode object) throws Exception {
    ObjectNode copy = object.deepCopy();
    ((ObjectNode) copy.path("metadata")).put("name", "oracle-" + testCase.path("name").asText());
    GenericKubernetesResource resource = JSON.treeToValue(copy, GenericKubernetesResource.class);
    return JSON.valueToTree(client.resource(resource).inNamespace(ns).dryRun().create());
  }

  private static io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource> resource(
      KubernetesClient client, String ns, JsonNode testCase, String name) {
    JsonNode first = testCase.path("steps").get(0).path("object");
    return client
        .genericKubernetesResources(first.path("apiVersion").asText(), first.path("kind").asText())
        .inNamespace(ns)
        .withName(name);
  }

  /** The object without server-set metadata, status and allocated Service IPs. */
  private static JsonNode comparable(JsonNode object) {
    ObjectNode copy = object.deepCopy();
    ObjectNode metadata = JSON.createObjectNode();
    for (String kept : List.of("labels", "annotations")) {
      if (object.path("metadata").has(kept)) {
        metadata.set(kept, object.path("metadata").path(kept));
      }
    }
    copy.set("metadata", metadata);
    copy.remove("status");
    if (copy.path("spec").isObject()) {
      ObjectNode spec = (ObjectNode) copy.path("spec");
      spec.remove(List.of("clusterIP", "clusterIPs"));
      // defaulted once from the image of the time and kept after (a later image does not
      // re-default it), while the oracle's object is defaulted afresh: compared elsewhere
      for (JsonNode container : spec.path("template").path("spec").path("containers")) {
        ((ObjectNode) container).remove("imagePullPolicy");
      }
    }
    return copy;
  }
}

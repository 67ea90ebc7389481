package dev.cairn.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.sim.cluster.FieldPaths.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldPathsTest {
  private static final ResourceType DEPLOYMENT =
      new ResourceType(
          "apps",
          "v1",
          "Deployment",
          "deployments",
          true,
          true,
          true,
          false,
          null,
          ResourceNames.NONE);

  private static ObjectNode json(String text) {
    return (ObjectNode) Json.parse(text.replace('\'', '"'));
  }

  @Test
  void flattensWithTheRealFieldsV1Syntax() {
    ObjectNode deployment =
        json(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'app':'web'}},"
                + "'spec':{'replicas':2,'template':{'spec':{'containers':[{'name':'app','image':'nginx',"
                + "'ports':[{'containerPort':80}],'args':['-v']}]}}},'status':{'replicas':2}}");

    Map<List<String>, JsonNode> paths = FieldPaths.flatten(deployment, DEPLOYMENT, Scope.MAIN);

    String container = "k:{\"name\":\"app\"}";
    assertThat(paths.keySet())
        .containsExactlyInAnyOrder(
            List.of("f:metadata", "f:labels", "."),
            List.of("f:metadata", "f:labels", "f:app"),
            List.of("f:spec", "f:replicas"),
            List.of("f:spec", "f:template", "f:spec", "f:containers", container, "."),
            List.of("f:spec", "f:template", "f:spec", "f:containers", container, "f:name"),
            List.of("f:spec", "f:template", "f:spec", "f:containers", container, "f:image"),
            List.of("f:spec", "f:template", "f:spec", "f:containers", container, "f:args"),
            List.of(
                "f:spec",
                "f:template",
                "f:spec",
                "f:containers",
                container,
                "f:ports",
                "k:{\"containerPort\":80,\"protocol\":\"TCP\"}",
                "."),
            List.of(
                "f:spec",
                "f:template",
                "f:spec",
                "f:containers",
                container,
                "f:ports",
                "k:{\"containerPort\":80,\"protocol\":\"TCP\"}",
                "f:containerPort"));
  }

  @Test
  void fieldsV1RoundTripsAndSortsKeys() {
    Set<List<String>> fields =
        Set.of(
            List.of("f:spec", "f:replicas"),
            List.of("f:metadata", "f:labels", "."),
            List.of("f:metadata", "f:labels", "f:app"));

    ObjectNode trie = FieldPaths.toFieldsV1(fields);

    assertThat(trie.toString())
        .isEqualTo(
            "{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}},\"f:spec\":{\"f:replicas\":{}}}");
    assertThat(FieldPaths.fromFieldsV1(trie)).isEqualTo(fields);
  }

  @Test
  void removesListItemsByKeyAndDisplaysPathsLikeConflictMessages() {
    ObjectNode object =
        json("{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'y'}]}}");
    List<String> itemB = List.of("f:spec", "f:containers", "k:{\"name\":\"b\"}", ".");

    FieldPaths.remove(object, itemB);

    assertThat(object.toString())
        .isEqualTo("{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"x\"}]}}");
    assertThat(
            FieldPaths.display(List.of("f:spec", "f:containers", "k:{\"name\":\"a\"}", "f:image")))
        .isEqualTo(".spec.containers[name=\"a\"].image");
  }
}

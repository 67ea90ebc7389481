package dev.cairn.engine.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.api.argo.ResourceIgnoreDifferences;
import dev.cairn.manifest.KubeObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IgnoreRulesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        managedFields:
        - manager: cairn
          operation: Apply
          fieldsV1:
            f:metadata: {f:labels: {f:app: {}}}
            f:spec:
              f:template:
                f:spec:
                  f:containers:
                    k:{"name":"web"}: {.: {}, f:image: {}, f:name: {}}
        - manager: kube-controller-manager
          operation: Update
          subresource: scale
          fieldsV1: {f:spec: {f:replicas: {}}}
        - manager: injector
          operation: Update
          fieldsV1:
            f:spec:
              f:template:
                f:spec:
                  f:containers:
                    k:{"name":"sidecar"}: {.: {}, f:image: {}, f:name: {}}
      spec:
        replicas: 5
        template:
          spec:
            containers:
            - {name: sidecar, image: "proxy:2"}
            - {name: web, image: "nginx:1.27"}
      """;

  static ObjectNode node(String yaml) throws Exception {
    return (ObjectNode) YAML.readTree(yaml);
  }

  static ResourceIgnoreDifferences rule(
      String group, String kind, List<String> pointers, List<String> jq, List<String> managers) {
    return new ResourceIgnoreDifferences(group, kind, null, null, pointers, jq, managers);
  }

  @Test
  void entriesMatchGroupAndKindGlobsAndExactNames() throws Exception {
    KubeObject web = KubeObject.of(node(DEPLOYMENT));
    IgnoreRules rules =
        new IgnoreRules(
            List.of(
                rule("apps", "Deployment", List.of("/spec/replicas"), null, null),
                rule("*", "Deploy*", List.of("/a"), null, null),
                rule(null, "Deployment", List.of("/core-only"), null, null),
                new ResourceIgnoreDifferences(
                    "apps", "Deployment", "other", null, List.of("/b"), null, null),
                new ResourceIgnoreDifferences(
                    "apps", "Deployment", "web", "shop", List.of("/c"), null, null)));
    assertThat(rules.matching(web.id()))
        .flatExtracting(ResourceIgnoreDifferences::jsonPointers)
        .containsExactly("/spec/replicas", "/a", "/c");
  }

  @Test
  void managedFieldsManagersSelectTheLeavesTheyOwnAndFindListItemsByKey() throws Exception {
    ObjectNode live = node(DEPLOYMENT);
    List<IgnoredPath> owned =
        ManagedFieldPaths.ownedBy(live, Set.of("kube-controller-manager", "injector"));
    assertThat(owned)
        .map(p -> p.concrete(live).orElseThrow())
        .containsExactlyInAnyOrder(
            List.of("spec", "replicas"),
            List.of("spec", "template", "spec", "containers", "0", "image"),
            List.of("spec", "template", "spec", "containers", "0", "name"));
    // The same item at another index in the desired state.
    ObjectNode desired = node(DEPLOYMENT);
    ((com.fasterxml.jackson.databind.node.ArrayNode) desired.at("/spec/template/spec/containers"))
        .remove(0);
    assertThat(owned.get(1).concrete(desired)).isEmpty();
    assertThat(owned.get(0).get(desired).orElseThrow().asInt()).isEqualTo(5);
  }

  @Test
  void jqPathExpressionsSelectWhatDelWouldDelete() throws Exception {
    ObjectNode live = node(DEPLOYMENT);
    List<IgnoredPath> paths =
        JqPaths.select(
            ".spec.template.spec.containers[] | select(.name == \"sidecar\") | .image", live);
    assertThat(paths)
        .map(p -> p.concrete(live).orElseThrow())
        .containsExactly(List.of("spec", "template", "spec", "containers", "0", "image"));
    assertThat(JqPaths.select(".missing[] | .x", live)).as("fails on this object").isEmpty();
  }

  @Test
  void removingSeveralListItemsRemovesTheRightOnes() throws Exception {
    ObjectNode live = node(DEPLOYMENT);
    IgnoreRules.removeAll(
        live,
        JqPaths.select(
            ".spec.template.spec.containers[0], .spec.template.spec.containers[1]", live));
    assertThat(live.at("/spec/template/spec/containers")).isEmpty();
    ObjectNode other = node(DEPLOYMENT);
    IgnoreRules.removeAll(
        other, List.of(IgnoredPath.ofPointer("/spec/template/spec/containers/0")));
    assertThat(other.at("/spec/template/spec/containers/0/name").asText()).isEqualTo("web");
  }

  @Test
  void normalizerRemovesTheIgnoredFieldsFromBothStates() throws Exception {
    ObjectNode live = node(DEPLOYMENT);
    ObjectNode before = node(DEPLOYMENT);
    before.with("metadata").remove("managedFields");
    ObjectNode after = before.deepCopy();
    after.with("spec").put("replicas", 2);
    after.at("/spec/template/spec/containers/0").deepCopy();
    new IgnoreRules(
            List.of(rule("apps", "Deployment", null, null, List.of("kube-controller-manager"))))
        .normalizer()
        .normalize(KubeObject.of(live), before, after);
    assertThat(after).isEqualTo(before);
    assertThat(after.at("/spec/replicas").isMissingNode()).isTrue();
  }

  @Test
  void respectIgnoreDifferencesCopiesWhatCairnOwnsAndLeavesOutWhatOthersOwn() throws Exception {
    ObjectNode live = node(DEPLOYMENT);
    ObjectNode desired = node(DEPLOYMENT);
    desired.with("metadata").remove("managedFields");
    desired.with("spec").put("replicas", 2);
    ((ObjectNode) desired.at("/spec/template/spec/containers/1")).put("image", "nginx:1.28");
    IgnoreRules rules =
        new IgnoreRules(
            List.of(
                rule(
                    "apps",
                    "Deployment",
                    List.of("/spec/replicas"),
                    List.of(".spec.template.spec.containers[] | select(.name == \"web\") | .image"),
                    null)));
    KubeObject applied =
        RespectIgnoreDifferences.keepLive(
            KubeObject.of(desired), Optional.of(KubeObject.of(live)), rules, "cairn");
    assertThat(applied.node().at("/spec/replicas").isMissingNode())
        .as("kube-controller-manager owns it: left out so it keeps it")
        .isTrue();
    assertThat(applied.node().at("/spec/template/spec/containers/1/image").asText())
        .as("cairn owns it: the live value is applied")
        .isEqualTo("nginx:1.27");
    assertThat(
            RespectIgnoreDifferences.keepLive(
                    KubeObject.of(desired), Optional.empty(), rules, "cairn")
                .node()
                .at("/spec/replicas")
                .asInt())
        .as("a new object is applied as rendered")
        .isEqualTo(2);
  }

  @Test
  void badPointersAndJqAreRefusedNamingTheEntry() {
    assertThatThrownBy(
            () ->
                new IgnoreRules(List.of(rule("apps", "Deployment", List.of("spec"), null, null)))
                    .check())
        .hasMessage(
            "spec.ignoreDifferences[0]: JSON pointer 'spec' must start with '/' (for example"
                + " /spec/replicas)");
    assertThatThrownBy(
            () ->
                new IgnoreRules(List.of(rule("", "ConfigMap", null, List.of(".a |"), null)))
                    .check())
        .hasMessageStartingWith(
            "spec.ignoreDifferences[0]: jq path expression '.a |' does not compile");
    assertThatThrownBy(() -> new IgnoreRules(List.of(rule("", "", null, null, null))).check())
        .hasMessage("spec.ignoreDifferences[0]: kind must be set");
  }
}

package dev.cairn.engine.argo.appset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.api.argo.ApplicationSetSpec;
import org.junit.jupiter.api.Test;

/** What the set writes over a live Application: preserved fields and ignored differences stay. */
class ApplicationUpdateTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String LIVE =
      """
      apiVersion: cairn.dev/v1
      kind: Application
      metadata:
        name: guestbook
        resourceVersion: "7"
        labels: {team: blue, env: old}
        annotations: {note: by-hand, argocd.argoproj.io/refresh: hard, other: x}
        finalizers: [cairn.dev/finalizer, resources-finalizer.argocd.argoproj.io]
      spec:
        project: default
        source: {repoURL: r, path: p, targetRevision: hotfix}
      operation: {sync: {}}
      """;

  private static final String DESIRED =
      """
      apiVersion: cairn.dev/v1
      kind: Application
      metadata:
        name: guestbook
        labels: {env: prod}
        annotations: {owner: set}
      spec:
        project: default
        source: {repoURL: r, path: p, targetRevision: HEAD}
      """;

  private static ObjectNode merge(String spec) throws Exception {
    return ApplicationUpdate.merge(
        YAML.readValue(spec, ApplicationSetSpec.class),
        (ObjectNode) YAML.readTree(DESIRED),
        (ObjectNode) YAML.readTree(LIVE));
  }

  @Test
  void theGeneratedFieldsWinAndOtherControllersFinalizersAndOperationStay() throws Exception {
    ObjectNode merged = merge("{}");

    assertThat(merged.at("/spec/source/targetRevision").asText()).isEqualTo("HEAD");
    assertThat(merged.at("/metadata/labels").toString()).isEqualTo("{\"env\":\"prod\"}");
    assertThat(merged.at("/metadata/annotations").toString())
        .isEqualTo("{\"owner\":\"set\",\"argocd.argoproj.io/refresh\":\"hard\"}");
    assertThat(merged.at("/metadata/finalizers").toString()).isEqualTo("[\"cairn.dev/finalizer\"]");
    assertThat(merged.has("operation")).isTrue();
    assertThat(merged.at("/metadata/resourceVersion").asText()).isEqualTo("7");
    assertThat(ApplicationUpdate.differs(merged, (ObjectNode) YAML.readTree(LIVE))).isTrue();
  }

  @Test
  void preservedFieldsKeepTheLiveLabelsAndAnnotations() throws Exception {
    ObjectNode merged = merge("preservedFields: {labels: [team], annotations: [note]}");

    assertThat(merged.at("/metadata/labels/team").asText()).isEqualTo("blue");
    assertThat(merged.at("/metadata/labels/env").asText()).isEqualTo("prod");
    assertThat(merged.at("/metadata/annotations/note").asText()).isEqualTo("by-hand");
    assertThat(merged.at("/metadata/annotations/other").isMissingNode()).isTrue();
  }

  @Test
  void ignoreApplicationDifferencesKeepsTheLiveValueOfTheNamedApplicationOnly() throws Exception {
    ObjectNode kept =
        merge(
            "ignoreApplicationDifferences: [{name: guestbook, jsonPointers: [/spec/source/targetRevision]}]");
    ObjectNode other =
        merge(
            "ignoreApplicationDifferences: [{name: other, jsonPointers: [/spec/source/targetRevision]}]");

    assertThat(kept.at("/spec/source/targetRevision").asText()).isEqualTo("hotfix");
    assertThat(other.at("/spec/source/targetRevision").asText()).isEqualTo("HEAD");
  }

  @Test
  void rollingSyncMaxUpdate() {
    assertThat(RollingSyncStep.maxUpdate(null, 7)).isEqualTo(7);
    assertThat(RollingSyncStep.maxUpdate(new io.fabric8.kubernetes.api.model.IntOrString(2), 7))
        .isEqualTo(2);
    assertThat(RollingSyncStep.maxUpdate(new io.fabric8.kubernetes.api.model.IntOrString("50%"), 7))
        .isEqualTo(3);
    assertThat(RollingSyncStep.maxUpdate(new io.fabric8.kubernetes.api.model.IntOrString("10%"), 7))
        .isEqualTo(1);
    assertThat(RollingSyncStep.maxUpdate(new io.fabric8.kubernetes.api.model.IntOrString(0), 7))
        .isZero();
  }
}

package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.manifest.ObjectId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KindOrderTest {

  @ParameterizedTest
  @CsvSource({
    "CustomResourceDefinition, false, DEFINITIONS",
    "Namespace, false, DEFINITIONS",
    "ClusterRole, false, CLUSTER",
    "ClusterRoleBinding, false, CLUSTER",
    "PriorityClass, false, CLUSTER",
    "StorageClass, false, CLUSTER",
    "IngressClass, false, CLUSTER",
    "RuntimeClass, false, CLUSTER",
    "ClusterIssuer, false, CLUSTER",
    "ValidatingWebhookConfiguration, false, WORKLOADS",
    "MutatingWebhookConfiguration, false, WORKLOADS",
    "Deployment, true, WORKLOADS",
    "Widget, true, WORKLOADS"
  })
  void stages(String kind, boolean namespaced, Stage expected) {
    assertThat(KindOrder.stage(kind, namespaced)).isEqualTo(expected);
  }

  private static ObjectId id(String group, String kind, String namespace, String name) {
    return new ObjectId(group, "v1", kind, namespace, name);
  }

  @Test
  void sortsForApplyByStageThenRankThenName() {
    List<ObjectId> shuffled =
        List.of(
            id("admissionregistration.k8s.io", "ValidatingWebhookConfiguration", null, "hook"),
            id("apps", "Deployment", "web", "b"),
            id("example.com", "Widget", "web", "w"),
            id("apps", "Deployment", "web", "a"),
            id("", "ConfigMap", "web", "settings"),
            id("rbac.authorization.k8s.io", "ClusterRole", null, "reader"),
            id("", "Namespace", null, "web"),
            id("apiextensions.k8s.io", "CustomResourceDefinition", null, "widgets.example.com"),
            id("", "ServiceAccount", "web", "runner"));

    assertThat(KindOrder.sortForApply(shuffled))
        .extracting(ObjectId::toString)
        .containsExactly(
            "CustomResourceDefinition/widgets.example.com",
            "Namespace/web",
            "ClusterRole/reader",
            "ServiceAccount/web/runner",
            "ConfigMap/web/settings",
            "Deployment/web/a",
            "Deployment/web/b",
            "Widget/web/w",
            "ValidatingWebhookConfiguration/hook");
  }

  @Test
  void deleteOrderIsTheReverseOfApplyOrder() {
    List<ObjectId> ids =
        List.of(
            id("", "Namespace", null, "web"),
            id("apps", "Deployment", "web", "a"),
            id("apiextensions.k8s.io", "CustomResourceDefinition", null, "widgets.example.com"),
            id("", "Service", "web", "a"));

    List<ObjectId> apply = KindOrder.sortForApply(ids);
    List<ObjectId> delete = KindOrder.sortForDelete(ids);

    List<ObjectId> reversed = new java.util.ArrayList<>(apply);
    java.util.Collections.reverse(reversed);
    assertThat(delete).containsExactlyElementsOf(reversed);
    assertThat(delete.get(0).kind()).isEqualTo("Deployment");
    assertThat(delete.get(delete.size() - 1).kind()).isEqualTo("CustomResourceDefinition");
  }

  @Test
  void listedKindsRankBeforeUnlistedAndWebhooksLast() {
    assertThat(KindOrder.rank("Secret")).isLessThan(KindOrder.rank("Deployment"));
    assertThat(KindOrder.rank("Deployment")).isLessThan(KindOrder.rank("Widget"));
    assertThat(KindOrder.rank("Widget")).isLessThan(KindOrder.rank("MutatingWebhookConfiguration"));
  }
}

package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClusterExtension.class)
class ServerSideApplyIT {
  private KubernetesClient client;
  private String ns;

  @BeforeEach
  void namespace(TestCluster cluster) {
    client = cluster.client();
    ns = cluster.createNamespace("ssa");
  }

  private ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(ns)
        .endMetadata()
        .withData(data)
        .build();
  }

  private ConfigMap apply(String manager, ConfigMap cm, boolean force) {
    var resource = client.configMaps().inNamespace(ns).resource(cm).fieldManager(manager);
    return force ? resource.forceConflicts().serverSideApply() : resource.serverSideApply();
  }

  private static ManagedFieldsEntry entry(ConfigMap cm, String manager, String operation) {
    return cm.getMetadata().getManagedFields().stream()
        .filter(e -> e.getManager().equals(manager) && e.getOperation().equals(operation))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + operation + " entry for " + manager));
  }

  @Test
  void createsWhenAbsentAndRecordsApplyEntry() {
    ConfigMap applied = apply("cairn", configMap("created", Map.of("a", "1")), true);

    ConfigMap live = client.configMaps().inNamespace(ns).withName("created").get();
    assertThat(live.getData()).containsExactly(Map.entry("a", "1"));
    assertThat(live.getMetadata().getUid()).isNotBlank().isEqualTo(applied.getMetadata().getUid());
    ManagedFieldsEntry entry = entry(live, "cairn", "Apply");
    assertThat(entry.getFieldsType()).isEqualTo("FieldsV1");
    assertThat(entry.getApiVersion()).isEqualTo("v1");
    assertThat(entry.getFieldsV1().getAdditionalProperties())
        .isEqualTo(Map.of("f:data", Map.of("f:a", Map.of())));
  }

  @Test
  void dropsFieldsNoLongerAppliedButKeepsOtherManagersFields() {
    apply("cairn", configMap("prune", Map.of("a", "1", "b", "2")), true);
    client
        .configMaps()
        .inNamespace(ns)
        .withName("prune")
        .edit(cm -> new ConfigMapBuilder(cm).addToData("c", "3").build());

    ConfigMap after = apply("cairn", configMap("prune", Map.of("a", "1")), true);

    assertThat(after.getData()).containsOnlyKeys("a", "c");
    assertThat(
            entry(after, "fabric8-kubernetes-client", "Update")
                .getFieldsV1()
                .getAdditionalProperties())
        .isEqualTo(Map.of("f:data", Map.of("f:c", Map.of())));
  }

  @Test
  void conflictsWithAnotherManagerUnlessForced() {
    apply("other", configMap("contested", Map.of("a", "1")), false);

    assertThatThrownBy(() -> apply("cairn", configMap("contested", Map.of("a", "2")), false))
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(409);
              assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
              assertThat(e.getStatus().getMessage())
                  .contains("conflict with \"other\"")
                  .contains(".data.a");
            });
    assertThat(client.configMaps().inNamespace(ns).withName("contested").get().getData())
        .containsEntry("a", "1");

    ConfigMap forced = apply("cairn", configMap("contested", Map.of("a", "2")), true);

    assertThat(forced.getData()).containsEntry("a", "2");
    assertThat(forced.getMetadata().getManagedFields())
        .extracting(ManagedFieldsEntry::getManager)
        .containsExactly("cairn");
  }

  @Test
  void sameValueFromTwoManagersIsSharedNotAConflict() {
    apply("other", configMap("shared", Map.of("a", "1")), false);

    ConfigMap both = apply("cairn", configMap("shared", Map.of("a", "1", "b", "2")), false);

    assertThat(both.getMetadata().getManagedFields())
        .extracting(ManagedFieldsEntry::getManager)
        .containsExactlyInAnyOrder("other", "cairn");
  }

  @Test
  void mergesContainersByNameAndKeepsOtherManagersContainer() {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(deployment("web", "app", "nginx:1"))
        .fieldManager("cairn")
        .forceConflicts()
        .serverSideApply();
    Deployment sidecar = deployment("web", "sidecar", "envoy:1");
    sidecar.getSpec().setSelector(null); // the selector is atomic: cairn owns it whole
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(sidecar)
        .fieldManager("mesh")
        .serverSideApply();

    Deployment updated =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(deployment("web", "app", "nginx:2"))
            .fieldManager("cairn")
            .forceConflicts()
            .serverSideApply();

    assertThat(updated.getSpec().getTemplate().getSpec().getContainers())
        .extracting(c -> c.getName() + "=" + c.getImage())
        .containsExactlyInAnyOrder("app=nginx:2", "sidecar=envoy:1");
    Object cairnFields =
        updated.getMetadata().getManagedFields().stream()
            .filter(e -> e.getManager().equals("cairn"))
            .findFirst()
            .orElseThrow()
            .getFieldsV1()
            .getAdditionalProperties();
    assertThat(cairnFields.toString()).contains("k:{\"name\":\"app\"}").doesNotContain("sidecar");
  }

  @Test
  void patchContextServerSideApplyWorksAndRepeatingItIsANoOp() {
    ConfigMap cm = configMap("noop", Map.of("a", "1"));
    ConfigMap first =
        client
            .configMaps()
            .inNamespace(ns)
            .resource(cm)
            .patch(
                new PatchContext.Builder()
                    .withPatchType(PatchType.SERVER_SIDE_APPLY)
                    .withFieldManager("cairn")
                    .withForce(true)
                    .build());

    ConfigMap second = apply("cairn", configMap("noop", Map.of("a", "1")), true);

    assertThat(second.getMetadata().getResourceVersion())
        .isEqualTo(first.getMetadata().getResourceVersion());
  }

  @Test
  void generationBumpsOnSpecChangeOnly() {
    Deployment first = applyDeployment(deployment("gen", "app", "nginx:1"));
    assertThat(first.getMetadata().getGeneration()).isEqualTo(1L);

    Deployment labelled = deployment("gen", "app", "nginx:1");
    labelled.getMetadata().setLabels(Map.of("team", "a"));
    Deployment second = applyDeployment(labelled);
    assertThat(second.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(second.getMetadata().getResourceVersion())
        .isNotEqualTo(first.getMetadata().getResourceVersion());

    Deployment third = applyDeployment(deployment("gen", "app", "nginx:2"));
    assertThat(third.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(third.getMetadata().getLabels()).isNullOrEmpty();
  }

  @Test
  void updatesByOtherClientsRecordAnUpdateEntry() {
    apply("cairn", configMap("edited", Map.of("a", "1")), true);

    ConfigMap edited =
        client
            .configMaps()
            .inNamespace(ns)
            .withName("edited")
            .edit(cm -> new ConfigMapBuilder(cm).addToData("a", "changed").build());

    ManagedFieldsEntry update = entry(edited, "fabric8-kubernetes-client", "Update");
    assertThat(update.getFieldsV1().getAdditionalProperties())
        .isEqualTo(Map.of("f:data", Map.of("f:a", Map.of())));
    assertThat(edited.getMetadata().getManagedFields())
        .extracting(ManagedFieldsEntry::getManager)
        .containsExactly("fabric8-kubernetes-client");
  }

  @Test
  void applyOfUndeclaredFieldsIsRefusedWhateverFieldValidationSays(TestCluster cluster)
      throws Exception {
    Assumptions.assumeTrue(cluster.isSimulated(), "plain HTTP needs the simulated cluster");
    // kube-apiserver's field manager cannot type the patch; the error is a plain 500
    String url =
        cluster.simulated().orElseThrow().masterUrl()
            + "/api/v1/namespaces/"
            + ns
            + "/configmaps/undeclared?fieldManager=test&fieldValidation=Ignore";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .method(
                "PATCH",
                HttpRequest.BodyPublishers.ofString(
                    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":"
                        + "\"undeclared\",\"colour\":\"red\"},\"size\":3}"))
            .header("Content-Type", "application/apply-patch+yaml")
            .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .contains(
            "failed to create typed patch object ("
                + ns
                + "/undeclared; /v1, Kind=ConfigMap): errors:\\n"
                + "  .metadata.colour: field not declared in schema\\n"
                + "  .size: field not declared in schema")
        .doesNotContain("\"reason\"");
    assertThat(client.configMaps().inNamespace(ns).withName("undeclared").get()).isNull();
  }

  @Test
  void applyWithoutFieldManagerIsRejected(TestCluster cluster) throws Exception {
    Assumptions.assumeTrue(cluster.isSimulated(), "plain HTTP needs the simulated cluster");
    // fabric8 always sends a field manager, so this goes over plain HTTP
    String url =
        cluster.simulated().orElseThrow().masterUrl()
            + "/api/v1/namespaces/"
            + ns
            + "/configmaps/x";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .method(
                "PATCH",
                HttpRequest.BodyPublishers.ofString(
                    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}"))
            .header("Content-Type", "application/apply-patch+yaml")
            .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("fieldManager: Required value");
  }

  private Deployment applyDeployment(Deployment deployment) {
    return client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(deployment)
        .fieldManager("cairn")
        .forceConflicts()
        .serverSideApply();
  }

  static Deployment deployment(String name, String container, String image) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(2)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName(container)
        .withImage(image)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}

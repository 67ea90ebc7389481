package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Requests kube-apiserver refuses, and so must the simulated cluster (project issue #14). */
@ExtendWith(ClusterExtension.class)
class ApiServerRefusalsIT {
  private static final Widgets WIDGETS = new Widgets("refusals.test.cairn.dev");

  private KubernetesClient client;
  private String ns;

  @BeforeAll
  static void crd(TestCluster cluster) {
    WIDGETS.createEstablished(cluster.client());
  }

  @AfterAll
  static void dropCrd(TestCluster cluster) {
    cluster
        .client()
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(WIDGETS.crdName())
        .delete();
  }

  @BeforeEach
  void namespace(TestCluster cluster) {
    client = cluster.client();
    ns = cluster.createNamespace("refuse");
  }

  private static void assertInvalid(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(422);
              assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
              assertThat(e.getStatus().getMessage()).contains(message);
            });
  }

  private static Deployment deployment(String ns, Map<String, String> selector) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace(ns)
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(selector)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Map.of("app", "web", "tier", "front"))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("nginx:1.27")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  @Test
  void noNewFinalizersOnAnObjectBeingDeleted() {
    ConfigMap cm =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("held")
            .withNamespace(ns)
            .withFinalizers("test.cairn.dev/hold")
            .endMetadata()
            .build();
    client.configMaps().inNamespace(ns).resource(cm).create();
    client.configMaps().inNamespace(ns).withName("held").delete();

    assertInvalid(
        () ->
            client
                .configMaps()
                .inNamespace(ns)
                .withName("held")
                .edit(
                    c ->
                        new ConfigMapBuilder(c)
                            .editMetadata()
                            .addToFinalizers("test.cairn.dev/late")
                            .endMetadata()
                            .build()),
        "ConfigMap \"held\" is invalid: metadata.finalizers: Forbidden: no new finalizers can be"
            + " added if the object is being deleted, found new finalizers"
            + " []string{\"test.cairn.dev/late\"}");

    client
        .configMaps()
        .inNamespace(ns)
        .withName("held")
        .edit(c -> new ConfigMapBuilder(c).editMetadata().withFinalizers().endMetadata().build());
    assertThat(client.configMaps().inNamespace(ns).withName("held").get())
        .as("removing finalizers is still allowed")
        .isNull();
  }

  @Test
  void markingADeploymentDeletedBumpsItsGeneration() {
    Deployment d = deployment(ns, Map.of("app", "web"));
    d.getMetadata().getFinalizers().add("test.cairn.dev/hold");
    long before =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(d)
            .create()
            .getMetadata()
            .getGeneration();

    client.apps().deployments().inNamespace(ns).withName("web").delete();

    Deployment marked = client.apps().deployments().inNamespace(ns).withName("web").get();
    assertThat(marked.getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(marked.getMetadata().getGeneration()).isEqualTo(before + 1);
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("web")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
  }

  @Test
  void customResourceUpdateNeedsAResourceVersion(TestCluster cluster) throws Exception {
    GenericKubernetesResource created =
        WIDGETS
            .in(client)
            .inNamespace(ns)
            .resource(WIDGETS.widget(ns, "w", Map.of("colour", "red")))
            .create();
    String path = "/apis/" + WIDGETS.group + "/v1/namespaces/" + ns + "/widgets/w";
    String unconditional =
        "{\"apiVersion\":\""
            + WIDGETS.group
            + "/v1\",\"kind\":\"Widget\",\"metadata\":"
            + "{\"name\":\"w\",\"namespace\":\""
            + ns
            + "\"},\"spec\":{\"colour\":\"blue\"}}";

    HttpResponse<String> refused = put(cluster, path, unconditional);

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains(
            "Widget.refusals.test.cairn.dev \\\"w\\\" is invalid: metadata.resourceVersion:"
                + " Invalid value: 0x0: must be specified for an update");
    String conditional =
        unconditional.replace(
            "\"name\":\"w\",",
            "\"name\":\"w\",\"resourceVersion\":\""
                + created.getMetadata().getResourceVersion()
                + "\",");
    assertThat(put(cluster, path, conditional).statusCode())
        .as("with a precondition it is accepted")
        .isEqualTo(200);
  }

  /** A plain PUT: fabric8's update() decides itself whether to send the resourceVersion. */
  private static HttpResponse<String> put(TestCluster cluster, String path, String body)
      throws Exception {
    Assumptions.assumeTrue(cluster.isSimulated(), "plain HTTP reaches only the simulated cluster");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(cluster.simulated().orElseThrow().masterUrl() + path))
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void labelSelectorsAreAtomicForServerSideApply() {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(deployment(ns, Map.of("app", "web")))
        .fieldManager("cairn")
        .serverSideApply();

    assertThatThrownBy(
            () ->
                client
                    .apps()
                    .deployments()
                    .inNamespace(ns)
                    .resource(deployment(ns, Map.of("app", "web", "tier", "front")))
                    .fieldManager("other")
                    .serverSideApply())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(409);
              assertThat(e.getStatus().getMessage())
                  .contains("conflict with \"cairn\"")
                  .contains(".spec.selector");
            });
    Deployment live = client.apps().deployments().inNamespace(ns).withName("web").get();
    assertThat(live.getMetadata().getManagedFields())
        .filteredOn(f -> f.getManager().equals("cairn"))
        .singleElement()
        .extracting(f -> f.getFieldsV1().getAdditionalProperties().get("f:spec"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("f:selector", Map.of());
  }

  @Test
  void aMalformedQuantityIsRefusedNamingItsField() {
    Deployment d = deployment(ns, Map.of("app", "web"));
    d.getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .setResources(
            new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity("lots"))
                .build());

    assertInvalid(
        () -> client.apps().deployments().inNamespace(ns).resource(d).create(),
        "spec.template.spec.containers[0].resources.requests[cpu]: Invalid value: \"lots\":"
            + " quantities must match the regular expression");
  }

  @Test
  void immutableConfigMapDataCannotChange() {
    client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("frozen")
                .endMetadata()
                .withImmutable(true)
                .addToData("a", "1")
                .build())
        .create();

    assertInvalid(
        () ->
            client
                .configMaps()
                .inNamespace(ns)
                .withName("frozen")
                .edit(c -> new ConfigMapBuilder(c).addToData("a", "2").build()),
        "ConfigMap \"frozen\" is invalid: data: Forbidden: field is immutable when `immutable` is"
            + " set");
  }

  @Test
  void deploymentSelectorIsImmutable() {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(deployment(ns, Map.of("app", "web")))
        .create();

    // a patch without a resourceVersion: the readiness simulator may write status meanwhile
    assertInvalid(
        () ->
            client
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName("web")
                .patch(
                    PatchContext.of(PatchType.JSON_MERGE),
                    "{\"spec\":{\"selector\":{\"matchLabels\":{\"tier\":\"front\"}}}}"),
        "Deployment.apps \"web\" is invalid: spec.selector: Invalid value:");
  }

  @Test
  void jobTemplateIsImmutable() {
    Job job =
        new JobBuilder()
            .withNewMetadata()
            .withName("once")
            .withNamespace(ns)
            .endMetadata()
            .withNewSpec()
            .withNewTemplate()
            .withNewSpec()
            .withRestartPolicy("Never")
            .addNewContainer()
            .withName("run")
            .withImage("busybox:1.36")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    client.batch().v1().jobs().inNamespace(ns).resource(job).create();

    assertInvalid(
        () ->
            client
                .batch()
                .v1()
                .jobs()
                .inNamespace(ns)
                .withName("once")
                .patch(
                    PatchContext.of(PatchType.STRATEGIC_MERGE),
                    "{\"spec\":{\"template\":{\"spec\":{\"containers\":"
                        + "[{\"name\":\"run\",\"image\":\"busybox:1.37\"}]}}}}"),
        "Job.batch \"once\" is invalid: spec.template: Invalid value:");
  }

  @Test
  void serviceClusterIpCannotChangeButIsKeptWhenLeftOut() {
    Service service =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace(ns)
            .endMetadata()
            .withNewSpec()
            .withSelector(Map.of("app", "web"))
            .addNewPort()
            .withPort(80)
            .endPort()
            .endSpec()
            .build();
    String ip =
        client.services().inNamespace(ns).resource(service).create().getSpec().getClusterIP();
    assertThat(ip).as("allocated").matches("10\\.96\\.\\d+\\.\\d+");

    Service resent =
        new ServiceBuilder(service).editMetadata().addToLabels("v", "2").endMetadata().build();
    assertThat(client.services().inNamespace(ns).resource(resent).update().getSpec().getClusterIP())
        .as("a PUT without clusterIP keeps the allocated one")
        .isEqualTo(ip);

    assertInvalid(
        () ->
            client
                .services()
                .inNamespace(ns)
                .withName("web")
                .edit(
                    s ->
                        new ServiceBuilder(s)
                            .editSpec()
                            .withClusterIP("10.96.200.1")
                            .endSpec()
                            .build()),
        "Service \"web\" is invalid: spec.clusterIPs[0]: Invalid value: []string{\"10.96.200.1\"}:"
            + " may not change once set");
  }

  @Test
  void claimSpecIsImmutableExceptItsRequests(TestCluster cluster) {
    // unbound, so that the binder's write does not race the edits below
    cluster.simulated().ifPresent(s -> s.volumes().keepPending("unprovisioned"));
    PersistentVolumeClaim claim =
        new PersistentVolumeClaimBuilder()
            .withNewMetadata()
            .withName("data")
            .withNamespace(ns)
            .endMetadata()
            .withNewSpec()
            .withStorageClassName("unprovisioned")
            .withAccessModes("ReadWriteOnce")
            .withNewResources()
            .addToRequests("storage", new Quantity("1Gi"))
            .endResources()
            .endSpec()
            .build();
    client.persistentVolumeClaims().inNamespace(ns).resource(claim).create();

    PersistentVolumeClaim grown =
        client
            .persistentVolumeClaims()
            .inNamespace(ns)
            .withName("data")
            .edit(
                c -> {
                  c.getSpec().getResources().getRequests().put("storage", new Quantity("2Gi"));
                  return c;
                });
    assertThat(grown.getSpec().getResources().getRequests().get("storage").toString())
        .isEqualTo("2Gi");
    assertInvalid(
        () ->
            client
                .persistentVolumeClaims()
                .inNamespace(ns)
                .withName("data")
                .edit(
                    c -> {
                      c.getSpec().setAccessModes(java.util.List.of("ReadWriteMany"));
                      return c;
                    }),
        "PersistentVolumeClaim \"data\" is invalid: spec: Forbidden: spec is immutable after"
            + " creation");
  }
}

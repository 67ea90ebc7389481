package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClusterExtension.class)
class StatusSubresourceIT {
  private static final Widgets WIDGETS = new Widgets("status.test.cairn.dev");

  @BeforeAll
  static void crd(TestCluster cluster) {
    cluster
        .client()
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(WIDGETS.crd())
        .create();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                cluster
                    .client()
                    .apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(WIDGETS.crdName())
                    .get()
                    .getStatus(),
            s ->
                s != null
                    && s.getConditions().stream().anyMatch(c -> c.getType().equals("Established")));
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

  @Test
  void customResourceStatusIsWrittenOnlyThroughTheSubresource(TestCluster cluster) {
    KubernetesClient client = cluster.client();
    String ns = cluster.createNamespace("status");
    GenericKubernetesResource widget = WIDGETS.widget(ns, "w", Map.of("colour", "red"));
    widget.getAdditionalProperties().put("status", Map.of("phase", "ignored"));

    GenericKubernetesResource created =
        WIDGETS.in(client).inNamespace(ns).resource(widget).create();
    assertThat(created.getAdditionalProperties()).doesNotContainKey("status");

    GenericKubernetesResource withStatus = WIDGETS.in(client).inNamespace(ns).withName("w").get();
    withStatus.getAdditionalProperties().put("status", Map.of("phase", "Ready"));
    withStatus.getAdditionalProperties().put("spec", Map.of("colour", "blue"));
    GenericKubernetesResource afterStatus =
        WIDGETS.in(client).inNamespace(ns).resource(withStatus).updateStatus();

    assertThat(afterStatus.getAdditionalProperties().get("status"))
        .isEqualTo(Map.of("phase", "Ready"));
    assertThat(afterStatus.getAdditionalProperties().get("spec"))
        .as("a status write leaves spec alone")
        .isEqualTo(Map.of("colour", "red"));
    assertThat(afterStatus.getMetadata().getGeneration()).isEqualTo(1L);

    GenericKubernetesResource mainWrite = WIDGETS.in(client).inNamespace(ns).withName("w").get();
    mainWrite.getAdditionalProperties().put("status", Map.of("phase", "Hacked"));
    mainWrite.getAdditionalProperties().put("spec", Map.of("colour", "green"));
    GenericKubernetesResource afterMain =
        WIDGETS.in(client).inNamespace(ns).resource(mainWrite).update();

    assertThat(afterMain.getAdditionalProperties().get("status"))
        .isEqualTo(Map.of("phase", "Ready"));
    assertThat(afterMain.getAdditionalProperties().get("spec"))
        .isEqualTo(Map.of("colour", "green"));
    assertThat(afterMain.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void builtInStatusIsIgnoredOnTheMainResource(TestCluster cluster) {
    KubernetesClient client = cluster.client();
    String ns = cluster.createNamespace("svcstatus");
    Service service =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("svc")
            .endMetadata()
            .withNewSpec()
            .addNewPort()
            .withPort(80)
            .endPort()
            .endSpec()
            .withNewStatus()
            .withNewLoadBalancer()
            .withIngress(new LoadBalancerIngressBuilder().withIp("10.0.0.1").build())
            .endLoadBalancer()
            .endStatus()
            .build();

    Service created = client.services().inNamespace(ns).resource(service).create();

    assertThat(
            created.getStatus() == null
                || created.getStatus().getLoadBalancer() == null
                || created.getStatus().getLoadBalancer().getIngress().isEmpty())
        .as("status dropped on create")
        .isTrue();

    Service patched =
        client
            .services()
            .inNamespace(ns)
            .withName("svc")
            .editStatus(
                s ->
                    new ServiceBuilder(s)
                        .editOrNewStatus()
                        .editOrNewLoadBalancer()
                        .withIngress(new LoadBalancerIngressBuilder().withIp("10.0.0.2").build())
                        .endLoadBalancer()
                        .endStatus()
                        .build());
    assertThat(patched.getStatus().getLoadBalancer().getIngress().get(0).getIp())
        .isEqualTo("10.0.0.2");
  }

  @Test
  void serverSideApplyOfStatusTouchesOnlyStatus(TestCluster cluster) {
    KubernetesClient client = cluster.client();
    String ns = cluster.createNamespace("ssastatus");
    WIDGETS
        .in(client)
        .inNamespace(ns)
        .resource(WIDGETS.widget(ns, "w", Map.of("colour", "red")))
        .create();
    GenericKubernetesResource statusOnly = WIDGETS.widget(ns, "w", Map.of("colour", "ignored"));
    statusOnly.getAdditionalProperties().put("status", Map.of("phase", "Ready"));

    GenericKubernetesResource result =
        WIDGETS
            .in(client)
            .inNamespace(ns)
            .resource(statusOnly)
            .subresource("status")
            .patch(
                new PatchContext.Builder()
                    .withPatchType(PatchType.SERVER_SIDE_APPLY)
                    .withFieldManager("operator")
                    .withForce(true)
                    .build(),
                statusOnly);

    assertThat(result.getAdditionalProperties().get("status")).isEqualTo(Map.of("phase", "Ready"));
    assertThat(result.getAdditionalProperties().get("spec")).isEqualTo(Map.of("colour", "red"));
    assertThat(result.getMetadata().getManagedFields())
        .anyMatch(e -> e.getManager().equals("operator") && "status".equals(e.getSubresource()));
  }
}

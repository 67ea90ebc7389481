package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sim.cluster.CairnCrdInstaller;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What kube-apiserver rewrites in what it stores (defaults, canonical quantities, pruned fields),
 * and so must the simulated cluster (project issue #14).
 */
@ExtendWith(ClusterExtension.class)
class ApiServerRewritesIT {
  private KubernetesClient client;
  private String ns;

  @BeforeEach
  void namespace(TestCluster cluster) {
    client = cluster.client();
    ns = cluster.createNamespace("rewrite");
  }

  private Deployment deployment() {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace(ns)
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(Map.of("app", "web"))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Map.of("app", "web"))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("nginx")
        .addNewPort()
        .withContainerPort(8080)
        .endPort()
        .withNewResources()
        .addToRequests("cpu", new Quantity("0.5"))
        .addToRequests("memory", new Quantity("1024Mi"))
        .addToLimits("memory", new Quantity("1.5Gi"))
        .endResources()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  @Test
  void deploymentGetsBuiltInDefaults() {
    Deployment live =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(deployment())
            .fieldManager("cairn")
            .serverSideApply();

    assertThat(live.getSpec().getReplicas()).isEqualTo(1);
    assertThat(live.getSpec().getRevisionHistoryLimit()).isEqualTo(10);
    assertThat(live.getSpec().getProgressDeadlineSeconds()).isEqualTo(600);
    assertThat(live.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(live.getSpec().getStrategy().getRollingUpdate().getMaxSurge())
        .isEqualTo(new IntOrString("25%"));
    assertThat(live.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Always");
    assertThat(live.getSpec().getTemplate().getSpec().getDnsPolicy()).isEqualTo("ClusterFirst");
    assertThat(live.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
        .isEqualTo(30L);
    Container app = live.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(app.getImagePullPolicy()).as("no tag means latest").isEqualTo("Always");
    assertThat(app.getTerminationMessagePath()).isEqualTo("/dev/termination-log");
    assertThat(app.getTerminationMessagePolicy()).isEqualTo("File");
    assertThat(app.getPorts().get(0).getProtocol()).isEqualTo("TCP");
  }

  @Test
  void quantitiesAreStoredCanonical() {
    Deployment live = client.apps().deployments().inNamespace(ns).resource(deployment()).create();

    var resources = live.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
    assertThat(resources.getRequests().get("cpu").toString()).isEqualTo("500m");
    assertThat(resources.getRequests().get("memory").toString()).isEqualTo("1Gi");
    assertThat(resources.getLimits().get("memory").toString()).isEqualTo("1536Mi");
  }

  @Test
  void reapplyingTheSameDeploymentIsANoOp(TestCluster cluster) {
    Deployment first =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(deployment())
            .fieldManager("cairn")
            .serverSideApply();
    Deployment second =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(deployment())
            .fieldManager("cairn")
            .serverSideApply();

    assertThat(second.getMetadata().getGeneration())
        .as("defaults and canonical quantities do not make a repeated apply a change")
        .isEqualTo(1L);
    assertThat(second.getSpec()).isEqualTo(first.getSpec());
  }

  @Test
  void serviceGetsDefaultsAndAClusterIp() {
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

    Service live = client.services().inNamespace(ns).resource(service).create();

    assertThat(live.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(live.getSpec().getSessionAffinity()).isEqualTo("None");
    assertThat(live.getSpec().getClusterIP()).isNotBlank();
    assertThat(live.getSpec().getClusterIPs()).containsExactly(live.getSpec().getClusterIP());
    assertThat(live.getSpec().getIpFamilies()).containsExactly("IPv4");
    assertThat(live.getSpec().getInternalTrafficPolicy()).isEqualTo("Cluster");
    ServicePort port = live.getSpec().getPorts().get(0);
    assertThat(port.getProtocol()).isEqualTo("TCP");
    assertThat(port.getTargetPort()).isEqualTo(new IntOrString(80));
  }

  @Test
  void unknownConfigMapFieldsAreDropped() {
    GenericKubernetesResource cm =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("v1")
            .withKind("ConfigMap")
            .withNewMetadata()
            .withName("extra")
            .withNamespace(ns)
            .endMetadata()
            .addToAdditionalProperties("data", Map.of("a", "1"))
            .addToAdditionalProperties("colour", "red")
            .build();

    GenericKubernetesResource live = client.resource(cm).create();

    assertThat(live.getAdditionalProperties()).containsKey("data").doesNotContainKey("colour");
  }

  @Test
  void customResourcesArePrunedAndDefaultedByTheirSchema() {
    String group = "pruned.test.cairn.dev";
    JSONSchemaProps spec =
        new JSONSchemaPropsBuilder()
            .withType("object")
            .addToProperties("colour", new JSONSchemaPropsBuilder().withType("string").build())
            .addToProperties(
                "size",
                new JSONSchemaPropsBuilder()
                    .withType("integer")
                    .withDefault(new com.fasterxml.jackson.databind.node.IntNode(3))
                    .build())
            .build();
    CustomResourceDefinition crd =
        new CustomResourceDefinitionBuilder()
            .withNewMetadata()
            .withName("gadgets." + group)
            .endMetadata()
            .withNewSpec()
            .withGroup(group)
            .withScope("Namespaced")
            .withNewNames()
            .withKind("Gadget")
            .withPlural("gadgets")
            .withSingular("gadget")
            .endNames()
            .addNewVersion()
            .withName("v1")
            .withServed(true)
            .withStorage(true)
            .withNewSchema()
            .withOpenAPIV3Schema(
                new JSONSchemaPropsBuilder()
                    .withType("object")
                    .addToProperties("spec", spec)
                    .build())
            .endSchema()
            .endVersion()
            .endSpec()
            .build();
    client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName("gadgets." + group)
        .waitUntilCondition(CairnCrdInstaller::established, 30, TimeUnit.SECONDS);
    try {
      GenericKubernetesResource gadget =
          new GenericKubernetesResourceBuilder()
              .withApiVersion(group + "/v1")
              .withKind("Gadget")
              .withNewMetadata()
              .withName("g")
              .withNamespace(ns)
              .endMetadata()
              .addToAdditionalProperties("spec", Map.of("colour", "red", "shape", "round"))
              .build();
      ResourceDefinitionContext context =
          new ResourceDefinitionContext.Builder()
              .withGroup(group)
              .withVersion("v1")
              .withKind("Gadget")
              .withPlural("gadgets")
              .withNamespaced(true)
              .build();

      client.genericKubernetesResources(context).inNamespace(ns).resource(gadget).create();

      GenericKubernetesResource live =
          client.genericKubernetesResources(context).inNamespace(ns).withName("g").get();
      assertThat(live.getAdditionalProperties().get("spec"))
          .isEqualTo(Map.of("colour", "red", "size", 3));
    } finally {
      client.apiextensions().v1().customResourceDefinitions().withName("gadgets." + group).delete();
    }
  }
}

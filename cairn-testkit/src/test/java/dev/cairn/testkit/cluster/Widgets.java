package dev.cairn.testkit.cluster;

import dev.cairn.sim.cluster.CairnCrdInstaller;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A small custom resource kind for tests: {@code Widget} in a group named per test class. */
final class Widgets {
  final String group;

  Widgets(String group) {
    this.group = group;
  }

  String crdName() {
    return "widgets." + group;
  }

  CustomResourceDefinition crd() {
    JSONSchemaProps item =
        new JSONSchemaPropsBuilder()
            .withType("object")
            .addToProperties("name", new JSONSchemaPropsBuilder().withType("string").build())
            .addToProperties("size", new JSONSchemaPropsBuilder().withType("integer").build())
            .build();
    JSONSchemaProps spec =
        new JSONSchemaPropsBuilder()
            .withType("object")
            .withXKubernetesPreserveUnknownFields(true)
            .addToProperties(
                "parts",
                new JSONSchemaPropsBuilder()
                    .withType("array")
                    .withXKubernetesListType("map")
                    .withXKubernetesListMapKeys(List.of("name"))
                    .withItems(
                        new io.fabric8.kubernetes.api.model.apiextensions.v1
                                .JSONSchemaPropsOrArrayBuilder()
                            .withSchema(item)
                            .build())
                    .build())
            .build();
    JSONSchemaProps schema =
        new JSONSchemaPropsBuilder()
            .withType("object")
            .addToProperties("spec", spec)
            .addToProperties(
                "status",
                new JSONSchemaPropsBuilder()
                    .withType("object")
                    .withXKubernetesPreserveUnknownFields(true)
                    .build())
            .build();
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName(crdName())
        .endMetadata()
        .withNewSpec()
        .withGroup(group)
        .withScope("Namespaced")
        .withNewNames()
        .withKind("Widget")
        .withPlural("widgets")
        .withSingular("widget")
        .withListKind("WidgetList")
        .endNames()
        .addNewVersion()
        .withName("v1")
        .withServed(true)
        .withStorage(true)
        .withNewSchema()
        .withOpenAPIV3Schema(schema)
        .endSchema()
        .withNewSubresources()
        .withNewStatus()
        .endStatus()
        .endSubresources()
        .endVersion()
        .endSpec()
        .build();
  }

  /** Creates the CRD and waits until it is Established (served), as on a real server. */
  void createEstablished(KubernetesClient client) {
    client.apiextensions().v1().customResourceDefinitions().resource(crd()).create();
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(crdName())
        .waitUntilCondition(CairnCrdInstaller::established, 30, TimeUnit.SECONDS);
  }

  ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion("v1")
        .withKind("Widget")
        .withPlural("widgets")
        .withNamespaced(true)
        .build();
  }

  MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      in(KubernetesClient client) {
    return client.genericKubernetesResources(context());
  }

  GenericKubernetesResource widget(String namespace, String name, Map<String, Object> spec) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(group + "/v1")
        .withKind("Widget")
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .addToAdditionalProperties("spec", spec)
        .build();
  }
}

package dev.cairn.engine.kustomize;

import static dev.cairn.engine.kustomize.Harness.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fleet in one Git repository, as Flux's multi-layer examples lay it out: a root Kustomization
 * applies four layer Kustomizations from {@code clusters/test}; {@code repositories} (a second
 * GitRepository) → {@code infra-controllers} (a CRD and its controller, gated by healthChecks) →
 * {@code infra-configs} (a custom resource) → {@code apps} (from the second GitRepository), chained
 * by dependsOn, the last two substituting from a {@code cluster-config} ConfigMap.
 */
@ExtendWith(ClusterExtension.class)
class KustomizationFleetIT {
  private static Harness h;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    h = Harness.start(cluster);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void fourLayersConvergeInDependencyOrder(TestCluster cluster) throws Exception {
    Harness.Fixture f = h.fixture(cluster, "fleet");
    String ns = f.ns();
    f.work().write("clusters/test/repositories.yaml", layer(ns, "repositories", "repo", "", ""));
    f.work()
        .write(
            "clusters/test/infra-controllers.yaml",
            layer(
                ns,
                "infra-controllers",
                "repo",
                "repositories",
                "healthChecks: [{apiVersion: apps/v1, kind: Deployment, name: widget-controller}]"));
    f.work()
        .write(
            "clusters/test/infra-configs.yaml",
            layer(
                ns,
                "infra-configs",
                "repo",
                "infra-controllers",
                "postBuild: {substituteFrom: [{kind: ConfigMap, name: cluster-config}]}"));
    f.work()
        .write(
            "clusters/test/apps.yaml",
            layer(
                ns,
                "apps",
                "apps-source",
                "infra-configs",
                "wait: true\npostBuild: {substituteFrom: [{kind: ConfigMap, name: cluster-config}]}"));
    f.work()
        .write(
            "repositories/apps-source.yaml",
            """
            apiVersion: cairn.dev/v1
            kind: GitRepository
            metadata: {name: apps-source}
            spec: {url: "%s", interval: 1m, ref: {branch: main}}
            """
                .formatted(f.url()));
    f.work().write("infrastructure/controllers/crd.yaml", WIDGET_CRD);
    f.work()
        .write(
            "infrastructure/controllers/controller.yaml",
            deployment("widget-controller", "example/widget-controller:1.0", "{}"));
    f.work()
        .write(
            "infrastructure/configs/widget.yaml",
            """
            apiVersion: fleet.cairn.test/v1
            kind: Widget
            metadata: {name: default}
            spec: {region: "${region}", size: "${size:=small}"}
            """);
    f.work()
        .write(
            "apps/web.yaml",
            deployment("web", "nginx:1.27", "{cluster: \"${cluster_name}\"}")
                + """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  selector: {app: web}
                  ports: [{port: 80}]
                """);
    String revision = "main@sha1:" + f.commit("fleet");
    h.client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("cluster-config")
                .endMetadata()
                .withData(Map.of("cluster_name", "test-cluster", "region", "eu-1"))
                .build())
        .create();
    h.createSource(f);
    h.createKustomization(f, "flux-system", "path: ./clusters/test\nprune: true\n");

    Converger converger = new Converger(h, ns);
    converger.untilAllReady(Duration.ofSeconds(90));

    assertThat(converger.reasons().get("infra-configs")).contains("DependencyNotReady");
    assertThat(converger.reasons().get("apps")).contains("DependencyNotReady");
    KustomizationStatus apps = h.live(f, "apps").getStatus();
    assertThat(ready(apps).getMessage()).isEqualTo("Applied revision: " + revision);
    assertThat(apps.getInventory().entries()).hasSize(2);
    assertThat(h.live(f, "infra-controllers").getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Healthy");
              assertThat(c.getStatus()).isEqualTo("True");
            });
    GenericKubernetesResource widget =
        h.client
            .genericKubernetesResources(
                new ResourceDefinitionContext.Builder()
                    .withGroup("fleet.cairn.test")
                    .withVersion("v1")
                    .withPlural("widgets")
                    .withKind("Widget")
                    .withNamespaced(true)
                    .build())
            .inNamespace(ns)
            .withName("default")
            .get();
    assertThat(widget.getAdditionalProperties().get("spec"))
        .isEqualTo(Map.of("region", "eu-1", "size", "small"));
    Deployment web = h.client.apps().deployments().inNamespace(ns).withName("web").get();
    assertThat(web.getMetadata().getAnnotations()).containsEntry("cluster", "test-cluster");
    assertThat(web.getMetadata().getLabels()).containsEntry("cairn.dev/name", "apps");
    assertThat(h.client.services().inNamespace(ns).withName("web").get()).isNotNull();
  }

  private static String layer(
      String ns, String name, String source, String dependsOn, String extra) {
    return """
        apiVersion: cairn.dev/v1
        kind: Kustomization
        metadata: {name: %s, namespace: %s}
        spec:
          interval: 5m
          timeout: 30s
          path: ./%s
          prune: true
          sourceRef: {kind: GitRepository, name: %s}
          targetNamespace: %s
        %s%s
        """
        .formatted(
            name,
            ns,
            switch (name) {
              case "repositories" -> "repositories";
              case "infra-controllers" -> "infrastructure/controllers";
              case "infra-configs" -> "infrastructure/configs";
              default -> "apps";
            },
            source,
            ns,
            dependsOn.isEmpty() ? "" : "  dependsOn: [{name: " + dependsOn + "}]\n",
            extra.indent(2));
  }

  private static String deployment(String name, String image, String annotations) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s, annotations: %s}
        spec:
          replicas: 1
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers: [{name: main, image: "%s"}]
        """
        .formatted(name, annotations, name, name, image);
  }

  static final String WIDGET_CRD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.fleet.cairn.test}
      spec:
        group: fleet.cairn.test
        scope: Namespaced
        names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
        versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
      """;
}

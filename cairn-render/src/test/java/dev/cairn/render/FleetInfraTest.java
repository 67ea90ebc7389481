package dev.cairn.render;

import static dev.cairn.render.TestTrees.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.kustomize.KustomizationSpec;
import dev.cairn.manifest.KubeObject;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Flux fleet repository as {@code flux bootstrap} lays it out: {@code clusters/production} holds
 * Flux Kustomizations and sources (no kustomization.yaml), {@code apps/production} overlays {@code
 * apps/base} and uses {@code ${cluster_domain}} from a ConfigMap.
 */
class FleetInfraTest {
  private final KustomizationRenderer renderer = KustomizationRenderer.defaults();

  private static Path fleet() {
    try {
      return Path.of(FleetInfraTest.class.getResource("/render/fleet-infra").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KubeObject find(RenderedSet set, String kind, String name) {
    return set.objects().stream()
        .filter(o -> o.kind().equals(kind) && o.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(kind + "/" + name + " missing"));
  }

  @Test
  void clusterDirectoryOfFluxManifestsBecomesCairnObjects() {
    RenderedSet set =
        renderer.render(fleet(), spec("path: ./clusters/production\n"), RenderInputs.none());

    assertThat(set.objects())
        .extracting(o -> o.apiVersion() + " " + o.kind() + "/" + o.name())
        .containsExactlyInAnyOrder(
            "v1 ConfigMap/cluster-vars",
            "cairn.dev/v1 GitRepository/flux-system",
            "cairn.dev/v1 HelmRepository/podinfo",
            "source.toolkit.fluxcd.io/v1 Bucket/archive",
            "cairn.dev/v1 Kustomization/infra-controllers",
            "cairn.dev/v1 Kustomization/apps");
    KubeObject apps = find(set, "Kustomization", "apps");
    assertThat(apps.node().at("/spec/sourceRef/kind").asText()).isEqualTo("GitRepository");
    assertThat(apps.node().at("/spec/healthChecks/0/apiVersion").asText())
        .isEqualTo("cairn.dev/v1");
    assertThat(apps.node().at("/spec/healthChecks/1/apiVersion").asText()).isEqualTo("apps/v1");
  }

  @Test
  void appsOverlayRendersWithClusterVariables() throws Exception {
    RenderedSet cluster =
        renderer.render(fleet(), spec("path: ./clusters/production\n"), RenderInputs.none());
    KubeObject apps = find(cluster, "Kustomization", "apps");
    KustomizationSpec appsSpec =
        new ObjectMapper().treeToValue(apps.node().get("spec"), KustomizationSpec.class);
    Map<String, String> clusterVars =
        new ObjectMapper()
            .convertValue(
                find(cluster, "ConfigMap", "cluster-vars").node().get("data"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});

    RenderedSet set =
        renderer.render(fleet(), appsSpec, RenderInputs.fromSources(List.of(clusterVars)));

    assertThat(set.objects())
        .extracting(o -> o.kind() + "/" + o.namespace() + "/" + o.name())
        .containsExactly(
            "Namespace/null/podinfo",
            "Service/podinfo/web",
            "Deployment/podinfo/web",
            "Ingress/podinfo/web");
    KubeObject ingress = find(set, "Ingress", "web");
    assertThat(ingress.node().at("/spec/rules/0/host").asText())
        .isEqualTo("podinfo.prod.example.com");
    assertThat(ingress.node().at("/spec/tls/0/hosts/0").asText())
        .isEqualTo("podinfo.prod.example.com");
    KubeObject deployment = find(set, "Deployment", "web");
    assertThat(deployment.node().at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(deployment.node().at("/spec/template/spec/containers/0/env").toString())
        .isEqualTo(
            "[{\"name\":\"CLUSTER\",\"value\":\"production\"},"
                + "{\"name\":\"PORT\",\"value\":\"9898\"}]");
  }
}

package dev.cairn.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.helm.HelmRender;
import dev.cairn.render.helm.HelmRenderRequest;
import dev.cairn.render.helm.HelmTemplateRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart in {@code deploy/chart} renders (with Helm itself, through helm-java) exactly the
 * objects {@code cairn install --export} prints for the same settings, CRDs included; with its
 * default values it leaves out the namespace (created by {@code helm install --create-namespace})
 * and the PodDisruptionBudget of a single replica.
 */
class ChartAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CHART = Path.of("..", "deploy", "chart");

  @Test
  void chartRendersWhatInstallExports() {
    InstallSettings settings =
        new InstallSettings("cairn-ops", "registry.example.com/cairn:1.2.3", 3, "debug");
    HelmRender render =
        HelmTemplateRenderer.defaults()
            .render(
                CHART,
                new HelmRenderRequest(
                    "cairn",
                    settings.namespace(),
                    Map.of(
                        "createNamespace",
                        true,
                        "replicas",
                        3,
                        "logLevel",
                        "debug",
                        "image",
                        Map.of("repository", "registry.example.com/cairn", "tag", "1.2.3")),
                    null));
    List<JsonNode> chart =
        Stream.concat(render.crds().stream(), render.objects().stream())
            .map(KubeObject::node)
            .map(ChartAgreementTest::canonical)
            .toList();
    assertThat(chart)
        .containsExactlyInAnyOrderElementsOf(
            InstallManifests.objects(settings).stream()
                .map(ChartAgreementTest::canonical)
                .toList());
  }

  @Test
  void defaultValuesLeaveOutTheNamespaceAndTheDisruptionBudget() {
    HelmRender render =
        HelmTemplateRenderer.defaults()
            .render(CHART, new HelmRenderRequest("cairn", "cairn-system", Map.of(), null));
    List<String> kinds = render.objects().stream().map(KubeObject::kind).toList();
    assertThat(kinds)
        .containsExactlyInAnyOrder(
            "ServiceAccount",
            "ClusterRoleBinding",
            "Deployment",
            "Service",
            "Service",
            "Service",
            "NetworkPolicy");
    List<JsonNode> exported =
        InstallManifests.objects(InstallSettings.defaults("0.1.0-SNAPSHOT")).stream()
            .filter(o -> !List.of("Namespace").contains(o.path("kind").asText()))
            .filter(o -> !Installer.isCrd(o))
            .toList();
    assertThat(render.objects().stream().map(KubeObject::node).map(ChartAgreementTest::canonical))
        .containsExactlyInAnyOrderElementsOf(
            exported.stream().map(ChartAgreementTest::canonical).toList());
  }

  @Test
  void tenancyValuesRenderWhatInstallExportsWithTheSameFlags() {
    HelmRender render =
        HelmTemplateRenderer.defaults()
            .render(
                CHART,
                new HelmRenderRequest(
                    "cairn",
                    "cairn-system",
                    Map.of(
                        "createNamespace",
                        true,
                        "tenancy",
                        Map.of(
                            "noCrossNamespaceRefs",
                            true,
                            "noRemoteBases",
                            true,
                            "defaultServiceAccount",
                            "default"),
                        "watchLabelSelector",
                        "sharding.fluxcd.io/key in (shard1)"),
                    null));
    InstallSettings settings =
        InstallSettings.defaults("0.1.0-SNAPSHOT")
            .withControllerArgs(
                new ControllerArgs(
                    List.of(
                        "--no-cross-namespace-refs",
                        "--no-remote-bases",
                        "--default-service-account=default"),
                    "sharding.fluxcd.io/key in (shard1)"));

    assertThat(args(render.objects().stream().map(KubeObject::node).toList()))
        .endsWith(
            "--key-namespace=cairn-system",
            "--no-cross-namespace-refs",
            "--no-remote-bases",
            "--default-service-account=default",
            "--watch-label-selector=sharding.fluxcd.io/key in (shard1)");
    assertThat(
            Stream.concat(render.crds().stream(), render.objects().stream())
                .map(KubeObject::node)
                .map(ChartAgreementTest::canonical)
                .toList())
        .containsExactlyInAnyOrderElementsOf(
            InstallManifests.objects(settings).stream()
                .map(ChartAgreementTest::canonical)
                .toList());
    assertThat(args(InstallManifests.objects(InstallSettings.defaults("0.1.0-SNAPSHOT"))))
        .endsWith("--key-namespace=cairn-system");
  }

  private static List<String> args(List<? extends JsonNode> objects) {
    List<String> values = new java.util.ArrayList<>();
    objects.stream()
        .filter(o -> o.path("kind").asText().equals("Deployment"))
        .findFirst()
        .orElseThrow()
        .at("/spec/template/spec/containers/0/args")
        .forEach(a -> values.add(a.asText()));
    return values;
  }

  /**
   * The same tree with the same number types: the chart's CRDs are read as YAML by Helm's rules,
   * the exported ones from the JSON Cairn ships, so an integer may be an int on one side and a long
   * on the other.
   */
  private static JsonNode canonical(JsonNode node) {
    try {
      return JSON.readTree(JSON.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.cairn.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.schema.CairnCrds;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.OCIRepository;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated CRDs carry Flux's required fields, enums, patterns, defaults and columns. */
class CrdSchemaTest {

  @Test
  void kustomizationRequiresSourceRefIntervalAndPrune() {
    JsonNode spec = spec(Kustomization.class);

    assertThat(strings(spec.path("required")))
        .containsExactlyInAnyOrder("interval", "prune", "sourceRef");
    assertThat(strings(spec.at("/properties/sourceRef/required")))
        .containsExactlyInAnyOrder("kind", "name");
    assertThat(strings(spec.at("/properties/sourceRef/properties/kind/enum")))
        .containsExactlyInAnyOrder("OCIRepository", "GitRepository", "Bucket", "ExternalArtifact");
    assertThat(spec.at("/properties/interval/pattern").asText()).isEqualTo(FluxDuration.PATTERN);
    assertThat(
            strings(
                spec.at(
                    "/properties/postBuild/properties/substituteFrom/items/properties/kind/enum")))
        .containsExactlyInAnyOrder("ConfigMap", "Secret");
    assertThat(strings(spec.at("/properties/deletionPolicy/enum")))
        .containsExactlyInAnyOrder("MirrorPrune", "Delete", "WaitForTermination", "Orphan");
    assertThat(spec.at("/properties/wait/type").asText()).isEqualTo("boolean");
    assertThat(spec.at("/properties/targetNamespace/maxLength").asInt()).isEqualTo(63);
  }

  @Test
  void gitRepositoryRequiresUrlAndIntervalAndDefaultsTimeout() {
    JsonNode spec = spec(GitRepository.class);

    assertThat(strings(spec.path("required"))).containsExactlyInAnyOrder("interval", "url");
    assertThat(spec.at("/properties/url/pattern").asText()).isEqualTo("^(http|https|ssh)://.*$");
    assertThat(spec.at("/properties/timeout/default").asText()).isEqualTo("60s");
    assertThat(strings(spec.at("/properties/verify/properties/mode/enum")))
        .containsExactlyInAnyOrder("head", "HEAD", "Tag", "TagAndHEAD");
  }

  @Test
  void ociRepositoryRequiresOciUrlAndInterval() {
    JsonNode spec = spec(OCIRepository.class);

    assertThat(strings(spec.path("required"))).containsExactlyInAnyOrder("interval", "url");
    assertThat(spec.at("/properties/url/pattern").asText()).isEqualTo("^oci://.*$");
    assertThat(strings(spec.at("/properties/layerSelector/properties/operation/enum")))
        .containsExactlyInAnyOrder("extract", "copy");
    assertThat(spec.at("/properties/verify/properties/provider/default").asText())
        .isEqualTo("cosign");
  }

  @Test
  void helmRepositoryTypeAndProvider() {
    JsonNode spec = spec(HelmRepository.class);

    assertThat(strings(spec.path("required"))).containsExactly("url");
    assertThat(strings(spec.at("/properties/type/enum")))
        .containsExactlyInAnyOrder("default", "oci");
    assertThat(spec.at("/properties/provider/default").asText()).isEqualTo("generic");
  }

  @Test
  void helmChartDefaultsVersionAndStrategy() {
    JsonNode spec = spec(HelmChart.class);

    assertThat(strings(spec.path("required")))
        .containsExactlyInAnyOrder("chart", "interval", "sourceRef");
    assertThat(spec.at("/properties/version/default").asText()).isEqualTo("*");
    assertThat(spec.at("/properties/reconcileStrategy/default").asText()).isEqualTo("ChartVersion");
  }

  @Test
  void helmReleaseEnumsAndFreeFormValues() {
    JsonNode spec = spec(HelmRelease.class);

    assertThat(strings(spec.path("required"))).containsExactly("interval");
    assertThat(spec.at("/properties/values/x-kubernetes-preserve-unknown-fields").asBoolean())
        .isTrue();
    assertThat(strings(spec.at("/properties/install/properties/crds/enum")))
        .containsExactlyInAnyOrder("Skip", "Create", "CreateReplace");
    assertThat(
            strings(spec.at("/properties/upgrade/properties/remediation/properties/strategy/enum")))
        .containsExactlyInAnyOrder("rollback", "uninstall");
    assertThat(strings(spec.at("/properties/driftDetection/properties/mode/enum")))
        .containsExactlyInAnyOrder("enabled", "warn", "disabled");
    assertThat(strings(spec.at("/properties/valuesFrom/items/required")))
        .containsExactlyInAnyOrder("kind", "name");
    assertThat(spec.at("/x-kubernetes-validations/0/message").asText())
        .isEqualTo("either chart or chartRef must be set");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GitRepository",
        "OCIRepository",
        "HelmRepository",
        "HelmChart",
        "Kustomization",
        "HelmRelease"
      })
  void everyKindIsNamespacedWithStatusSubresourceAndReadyColumns(String kind) {
    JsonNode crd = CairnCrds.crd(kind).orElseThrow();
    JsonNode version = crd.at("/spec/versions/0");

    assertThat(crd.at("/spec/group").asText()).isEqualTo(CairnApi.GROUP);
    assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
    assertThat(version.path("name").asText()).isEqualTo("v1");
    assertThat(version.at("/subresources/status").isObject()).isTrue();
    List<String> columns = new ArrayList<>();
    version.path("additionalPrinterColumns").forEach(c -> columns.add(c.path("name").asText()));
    assertThat(columns).contains("Age", "Ready", "Status");
    assertThat(crd.at("/spec/names/shortNames").size()).isEqualTo(1);
  }

  @Test
  void resourceClassesKnowTheirApiVersionKindAndPlural() {
    Kustomization ks = new Kustomization();

    assertThat(ks.getApiVersion()).isEqualTo("cairn.dev/v1");
    assertThat(ks.getKind()).isEqualTo("Kustomization");
    assertThat(HasMetadata.getPlural(OCIRepository.class)).isEqualTo("ocirepositories");
    assertThat(ks.getCRDName()).isEqualTo("kustomizations.cairn.dev");
    assertThat(CairnCrds.kind("HelmRelease")).contains(HelmRelease.class);
  }

  @Test
  void crdNamesFollowPlurals() {
    assertThat(CairnCrds.fileName(Kustomization.class))
        .isEqualTo("kustomizations.cairn.dev-v1.yml");
    assertThat(CairnCrds.crd(HelmRelease.class).at("/metadata/name").asText())
        .isEqualTo("helmreleases.cairn.dev");
    assertThat(CairnCrds.crd("Nope")).isEmpty();
  }

  @Test
  void unknownVersionIsNamedInTheError() {
    JsonNode crd = CairnCrds.crd(Kustomization.class);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CairnCrds.openApiSchema(crd, "v9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CRD kustomizations.cairn.dev has no version v9");
  }

  private static JsonNode spec(Class<? extends HasMetadata> kind) {
    return CairnCrds.openApiSchema(CairnCrds.crd(kind)).at("/properties/spec");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}

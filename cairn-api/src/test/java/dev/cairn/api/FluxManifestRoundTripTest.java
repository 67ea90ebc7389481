package dev.cairn.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.helm.RemediationStrategy;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationSourceKind;
import dev.cairn.api.kustomize.SubstituteKind;
import dev.cairn.api.schema.CairnCrds;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.GitVerificationMode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A Flux manifest with only its apiVersion changed reads into a Cairn class and back unchanged. */
class FluxManifestRoundTripTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  static Stream<Arguments> manifests() {
    return FluxManifests.all().stream().map(d -> Arguments.of(FluxManifests.describe(d), d));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void roundTripKeepsEveryField(String name, JsonNode flux) {
    ObjectNode cairn = FluxManifests.asCairn(flux);

    HasMetadata typed = SERIALIZATION.convertValue(cairn, classOf(cairn));
    JsonNode back = SERIALIZATION.convertValue(typed, JsonNode.class);

    assertThat(JsonTreeDiff.between(cairn, back)).as("round trip of %s", name).isEmpty();
    assertThat(typed.getApiVersion()).isEqualTo(CairnApi.API_VERSION);
  }

  @Test
  void kustomizationFieldsLandInTypedRecords() {
    Kustomization ks = read("kustomization-infra.yaml", 0, Kustomization.class);

    assertThat(ks.getSpec().sourceRef().kind()).isEqualTo(KustomizationSourceKind.GitRepository);
    assertThat(ks.getSpec().sourceRef().toObjectRef("flux-system").namespace())
        .isEqualTo("flux-system");
    assertThat(ks.getSpec().waitForReady()).isTrue();
    assertThat(ks.getSpec().postBuild().substituteFrom())
        .extracting(r -> r.kind(), r -> r.name())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SubstituteKind.ConfigMap, "cluster-vars"),
            org.assertj.core.groups.Tuple.tuple(SubstituteKind.Secret, "cluster-secret-vars"));
    assertThat(ks.getSpec().healthChecks())
        .extracting(ObjectRef::kind)
        .containsExactly("Deployment", "HelmRelease");
    assertThat(FluxDuration.parse(ks.getSpec().retryInterval())).hasSeconds(60);
  }

  @Test
  void kustomizationStatusInventoryParses() {
    Kustomization ks = read("kustomization-infra.yaml", 1, Kustomization.class);

    assertThat(ks.getStatus().getInventory().entries())
        .extracting(e -> e.objectId().kind())
        .containsExactly("Namespace", "ClusterIssuer", "ClusterRole", "Ingress");
    assertThat(ks.getStatus().getInventory().entries().get(2).objectId().name())
        .isEqualTo("system:controller:manager");
    assertThat(ks.getStatus().getHistory().get(0).totalReconciliations()).isEqualTo(27L);
    assertThat(ks.getStatus().conditions(java.time.Clock.systemUTC()).isTrue("Ready")).isTrue();
  }

  @Test
  void helmReleaseKeepsFreeFormValuesAndRemediation() {
    HelmRelease hr = read("helmrelease-ingress.yaml", 0, HelmRelease.class);

    assertThat(hr.getSpec().values().at("/controller/tolerations/0/effect").asText())
        .isEqualTo("NoSchedule");
    assertThat(hr.getSpec().values().at("/controller/metrics/ratio").asDouble()).isEqualTo(0.5);
    assertThat(hr.getSpec().upgrade().remediation().strategy())
        .isEqualTo(RemediationStrategy.ROLLBACK);
    assertThat(hr.getSpec().upgrade().remediation().retries()).isEqualTo(-1);
    assertThat(hr.getSpec().valuesFrom().get(1).targetPath())
        .isEqualTo("controller.extraArgs.default-ssl-certificate");
    assertThat(hr.getStatus().getHistory()).extracting(s -> s.version()).containsExactly(3, 2);
  }

  @Test
  void gitRepositoryEnumKeepsFluxSpelling() {
    GitRepository repo = read("gitrepository-fleet-infra.yaml", 0, GitRepository.class);

    assertThat(repo.getSpec().verify().mode()).isEqualTo(GitVerificationMode.HEAD);
    assertThat(SERIALIZATION.asJson(repo)).contains("\"mode\":\"HEAD\"");
  }

  @Test
  void fieldsFromNewerFluxVersionsAreIgnoredOnRead() {
    ObjectNode doc = FluxManifests.asCairn(FluxManifests.read("kustomization-infra.yaml").get(1));
    ((ObjectNode) doc.get("spec")).put("someFutureField", "x");
    ((ObjectNode) doc.at("/spec/sourceRef")).put("anotherFutureField", 1);
    doc.put("topLevelFutureField", true);

    Kustomization ks = SERIALIZATION.convertValue(doc, Kustomization.class);

    assertThat(ks.getSpec().path()).isEqualTo("./infrastructure/configs");
    assertThat(SERIALIZATION.asJson(ks))
        .doesNotContain("someFutureField")
        .doesNotContain("anotherFutureField");
  }

  @Test
  void enumValueOutsideTheSchemaFailsToRead() {
    ObjectNode doc = FluxManifests.asCairn(FluxManifests.read("kustomization-infra.yaml").get(1));
    ((ObjectNode) doc.at("/spec/sourceRef")).put("kind", "Bucketz");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SERIALIZATION.convertValue(doc, Kustomization.class))
        .hasMessageContaining("Bucketz");
  }

  private static <T extends HasMetadata> T read(String file, int index, Class<T> type) {
    return SERIALIZATION.convertValue(
        FluxManifests.asCairn(FluxManifests.read(file).get(index)), type);
  }

  private static Class<? extends HasMetadata> classOf(JsonNode doc) {
    String kind = doc.path("kind").asText();
    return CairnCrds.kind(kind).orElseThrow(() -> new AssertionError("no Cairn kind " + kind));
  }
}

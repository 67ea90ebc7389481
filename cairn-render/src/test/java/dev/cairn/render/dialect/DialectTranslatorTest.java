package dev.cairn.render.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.schema.CairnCrds;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialectTranslatorTest {
  private final DialectTranslator translator = DialectTranslator.defaults();

  private static KubeObject object(String apiVersion, String kind, String spec) {
    return YamlReader.defaults()
        .readObjects(
            "t.yaml",
            "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: x\n" + spec)
        .get(0);
  }

  @ParameterizedTest
  @CsvSource({
    "kustomize.toolkit.fluxcd.io/v1, Kustomization",
    "source.toolkit.fluxcd.io/v1, GitRepository",
    "source.toolkit.fluxcd.io/v1, OCIRepository",
    "source.toolkit.fluxcd.io/v1, HelmRepository",
    "source.toolkit.fluxcd.io/v1beta2, HelmRepository",
    "source.toolkit.fluxcd.io/v1beta2, HelmChart",
    "helm.toolkit.fluxcd.io/v2, HelmRelease",
    "helm.toolkit.fluxcd.io/v2beta2, HelmRelease",
    "image.toolkit.fluxcd.io/v1, ImageRepository",
    "image.toolkit.fluxcd.io/v1, ImagePolicy",
    "image.toolkit.fluxcd.io/v1, ImageUpdateAutomation",
    "image.toolkit.fluxcd.io/v1beta2, ImageRepository",
    "image.toolkit.fluxcd.io/v1beta2, ImagePolicy",
    "image.toolkit.fluxcd.io/v1beta2, ImageUpdateAutomation",
  })
  void fluxKindsBecomeCairnKindsOfTheSameName(String apiVersion, String kind) {
    KubeObject in = object(apiVersion, kind, "spec:\n  interval: 1m\n");

    KubeObject out = translator.translate(in);

    assertThat(out.apiVersion()).isEqualTo("cairn.dev/v1");
    assertThat(out.kind()).isEqualTo(kind);
    assertThat(out.node().at("/spec/interval").asText()).isEqualTo("1m");
    assertThat(in.apiVersion()).as("input untouched").isEqualTo(apiVersion);
    assertThat(FluxDialect.KINDS).contains(kind);
  }

  @Test
  void everyTranslatedKindExistsInCairn() {
    for (String kind : FluxDialect.KINDS) {
      assertThat(CairnCrds.crd(kind)).as(kind).isPresent();
    }
  }

  @Test
  void kindsCairnLacksAndOtherGroupsPassThrough() {
    KubeObject bucket = object("source.toolkit.fluxcd.io/v1", "Bucket", "");
    KubeObject deployment = object("apps/v1", "Deployment", "");
    KubeObject oldKustomization =
        object("kustomize.toolkit.fluxcd.io/v1beta1", "Kustomization", "");

    assertThat(translator.translate(List.of(bucket, deployment, oldKustomization)))
        .containsExactly(bucket, deployment, oldKustomization);
  }

  @Test
  void referencesToTranslatedKindsFollowButKindsStay() {
    KubeObject release =
        object(
            "helm.toolkit.fluxcd.io/v2",
            "HelmRelease",
            """
            spec:
              chart:
                spec:
                  chart: podinfo
                  sourceRef:
                    apiVersion: source.toolkit.fluxcd.io/v1
                    kind: HelmRepository
                    name: podinfo
              chartRef:
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: OCIRepository
                name: podinfo
            """);
    KubeObject kustomization =
        object(
            "kustomize.toolkit.fluxcd.io/v1",
            "Kustomization",
            """
            spec:
              sourceRef:
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                name: flux-system
              healthChecks:
              - apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                name: a
              - apiVersion: source.toolkit.fluxcd.io/v1
                kind: Bucket
                name: b
            """);

    KubeObject r = translator.translate(release);
    KubeObject k = translator.translate(kustomization);

    assertThat(r.node().at("/spec/chart/spec/sourceRef/apiVersion").asText())
        .isEqualTo("cairn.dev/v1");
    assertThat(r.node().at("/spec/chart/spec/sourceRef/kind").asText()).isEqualTo("HelmRepository");
    assertThat(r.node().at("/spec/chartRef/apiVersion").asText()).isEqualTo("cairn.dev/v1");
    assertThat(k.node().at("/spec/sourceRef/apiVersion").asText()).isEqualTo("cairn.dev/v1");
    assertThat(k.node().at("/spec/sourceRef/kind").asText()).isEqualTo("GitRepository");
    assertThat(k.node().at("/spec/healthChecks/0/apiVersion").asText()).isEqualTo("cairn.dev/v1");
    assertThat(k.node().at("/spec/healthChecks/1/apiVersion").asText())
        .isEqualTo("source.toolkit.fluxcd.io/v1");
  }

  @Test
  void moreDialectsPlugInAfterFlux() {
    Dialect argo =
        new Dialect() {
          @Override
          public String name() {
            return "argo";
          }

          @Override
          public Optional<KubeObject> translate(KubeObject object) {
            if (!"argoproj.io/v1alpha1".equals(object.apiVersion())) {
              return Optional.empty();
            }
            KubeObject copy = object.deepCopy();
            copy.node().put("apiVersion", "cairn.dev/v1");
            return Optional.of(copy);
          }
        };
    DialectTranslator both = new DialectTranslator(List.of(new FluxDialect())).with(argo);

    assertThat(both.dialects()).extracting(Dialect::name).containsExactly("flux", "argo");
    assertThat(both.translate(object("argoproj.io/v1alpha1", "Application", "")).apiVersion())
        .isEqualTo("cairn.dev/v1");
    assertThat(
            DialectTranslator.none()
                .translate(object("helm.toolkit.fluxcd.io/v2", "HelmRelease", ""))
                .apiVersion())
        .isEqualTo("helm.toolkit.fluxcd.io/v2");
  }

  @Test
  void fluxsOwnControllersAndCrdsAreLeftOutButItsNamespaceAndTheFleetStay() {
    List<KubeObject> objects =
        YamlReader.defaults()
            .readObjects(
                "gotk-components.yaml",
                """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: flux-system
                  labels: {app.kubernetes.io/part-of: flux}
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: kustomizations.kustomize.toolkit.fluxcd.io
                  labels: {app.kubernetes.io/part-of: flux}
                spec: {group: kustomize.toolkit.fluxcd.io}
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.com}
                spec: {group: example.com}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: kustomize-controller
                  namespace: flux-system
                  labels: {app.kubernetes.io/part-of: flux}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: podinfo, namespace: apps}
                ---
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: flux-system, namespace: flux-system}
                spec: {interval: 10m}
                """);

    List<String> kept =
        translator.translate(objects).stream().map(o -> o.kind() + "/" + o.name()).toList();

    assertThat(kept)
        .containsExactly(
            "Namespace/flux-system",
            "CustomResourceDefinition/widgets.example.com",
            "Deployment/podinfo",
            "Kustomization/flux-system");
    assertThat(DialectTranslator.none().translate(objects)).hasSize(6);
  }
}

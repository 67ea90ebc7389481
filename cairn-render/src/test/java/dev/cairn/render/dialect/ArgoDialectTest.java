package dev.cairn.render.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgoDialectTest {
  private final DialectTranslator translator = DialectTranslator.defaults();

  private static KubeObject read(String yaml) {
    return YamlReader.defaults().readObjects("app.yaml", yaml).get(0);
  }

  @Test
  void anApplicationKeepsEveryFieldAndGetsCairnsApiVersion() {
    KubeObject app =
        read(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: gw, namespace: argocd}
            spec:
              project: default
              source: {repoURL: 'https://github.com/acme/fleet.git', path: charts/gw}
              destination: {server: 'https://kubernetes.default.svc', namespace: gw}
            """);

    KubeObject translated = translator.translate(app);

    assertThat(translated.apiVersion()).isEqualTo("cairn.dev/v1");
    assertThat(translated.node().get("spec")).isEqualTo(app.node().get("spec"));
    assertThat(app.apiVersion()).as("the input is not changed").isEqualTo("argoproj.io/v1alpha1");
  }

  @Test
  void anAppProjectIsTranslatedAndAnUnknownArgoKindIsLeftAlone() {
    assertThat(
            translator
                .translate(
                    read(
                        "apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata: {name: p}\n"))
                .apiVersion())
        .isEqualTo("cairn.dev/v1");
    assertThat(
            translator
                .translate(
                    read("apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\n"))
                .apiVersion())
        .isEqualTo("argoproj.io/v1alpha1");
  }

  @Test
  void aFurtherKindIsOneMoreEntry() {
    ArgoDialect dialect =
        new ArgoDialect()
            .with(
                "ApplicationSet",
                object -> {
                  KubeObject copy = ArgoDialect.toCairn(object);
                  copy.setLabel("translated", "yes");
                  return copy;
                });

    KubeObject set =
        dialect
            .translate(
                read(
                    "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata: {name: s}\n"))
            .orElseThrow();

    assertThat(set.labels()).containsEntry("translated", "yes");
  }

  @Test
  void argoCdsOwnInstallationIsLeftOut() {
    List<KubeObject> objects =
        translator.translate(
            List.of(
                read(
                    "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
                        + "metadata: {name: applications.argoproj.io}\nspec: {group: argoproj.io}\n"),
                read(
                    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: argocd-server,"
                        + " labels: {app.kubernetes.io/part-of: argocd}}\n"),
                read(
                    "apiVersion: v1\nkind: Namespace\nmetadata: {name: argocd,"
                        + " labels: {app.kubernetes.io/part-of: argocd}}\n")));

    assertThat(objects).extracting(KubeObject::name).containsExactly("argocd");
  }
}

package dev.cairn.engine.argo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.argo.AppProjectSpec;
import dev.cairn.api.argo.ApplicationDestination;
import dev.cairn.api.argo.ApplicationSource;
import dev.cairn.api.argo.ResourceGroupKind;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectRulesTest {
  private static final ApplicationDestination WEB =
      new ApplicationDestination("https://kubernetes.default.svc", "web", null);

  private static ApplicationSource source(String url) {
    return new ApplicationSource(url, "apps", null, null, null, null, null, null, null, null);
  }

  private static AppProjectSpec spec(
      List<String> repos,
      List<ApplicationDestination> destinations,
      List<ResourceGroupKind> clusterWhitelist,
      List<ResourceGroupKind> namespaceBlacklist) {
    return new AppProjectSpec(
        repos,
        destinations,
        null,
        null,
        clusterWhitelist,
        null,
        null,
        namespaceBlacklist,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static KubeObject object(String yaml) {
    return YamlReader.defaults().readObjects("o.yaml", yaml).get(0);
  }

  @Test
  void theImplicitDefaultProjectAllowsEverything() {
    ProjectRules rules = new ProjectRules("default", null);

    assertThat(rules.checkApplication(List.of(source("https://any.example/x.git")), WEB)).isEmpty();
    assertThat(
            rules.checkResources(
                List.of(object("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n"))))
        .isEmpty();
  }

  @Test
  void aDestinationOutsideTheProjectGetsArgoCdsMessage() {
    ProjectRules rules =
        new ProjectRules(
            "team",
            spec(
                List.of("*"),
                List.of(
                    new ApplicationDestination("https://kubernetes.default.svc", "team-*", null)),
                null,
                null));

    assertThat(rules.checkApplication(List.of(source("https://g/x.git")), WEB))
        .contains(
            "application destination server 'https://kubernetes.default.svc' and namespace 'web'"
                + " do not match any of the allowed destinations in project 'team'");
    assertThat(
            rules.checkApplication(
                List.of(source("https://g/x.git")),
                new ApplicationDestination(null, "team-a", "in-cluster")))
        .as("name in-cluster is the in-cluster server")
        .isEmpty();
  }

  @Test
  void aDenyingDestinationWinsOverAnAllowingOne() {
    ProjectRules rules =
        new ProjectRules(
            "p",
            spec(
                List.of("*"),
                List.of(
                    new ApplicationDestination("*", "*", null),
                    new ApplicationDestination("*", "!kube-system", null)),
                null,
                null));

    assertThat(rules.checkApplication(List.of(source("u")), WEB)).isEmpty();
    assertThat(
            rules.checkApplication(
                List.of(source("u")),
                new ApplicationDestination("https://kubernetes.default.svc", "kube-system", null)))
        .isPresent();
  }

  @Test
  void sourceReposAreGlobsAndABangDenies() {
    ProjectRules rules =
        new ProjectRules(
            "p",
            spec(
                List.of("https://github.com/acme/*", "!https://github.com/acme/secret.git"),
                List.of(new ApplicationDestination("*", "*", null)),
                null,
                null));

    assertThat(rules.checkApplication(List.of(source("https://github.com/acme/gitops.git")), WEB))
        .isEmpty();
    assertThat(rules.checkApplication(List.of(source("https://github.com/acme/secret.git")), WEB))
        .contains(
            "application repo https://github.com/acme/secret.git is not permitted in project 'p'");
    assertThat(rules.checkApplication(List.of(source("https://gitlab.com/x.git")), WEB))
        .isPresent();
  }

  @Test
  void clusterScopedKindsNeedTheWhitelistAndBlacklistedKindsAreRefused() {
    ProjectRules none = new ProjectRules("p", spec(List.of("*"), List.of(), null, null));
    KubeObject namespace = object("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
    KubeObject secret =
        object("apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: web}\n");

    assertThat(none.checkResources(List.of(namespace)))
        .contains("resource :Namespace is not permitted in project p.");
    assertThat(none.checkResources(List.of(secret))).isEmpty();

    ProjectRules strict =
        new ProjectRules(
            "p",
            spec(
                List.of("*"),
                List.of(),
                List.of(new ResourceGroupKind("", "Namespace")),
                List.of(new ResourceGroupKind("", "Secret"))));
    assertThat(strict.checkResources(List.of(namespace))).isEmpty();
    assertThat(strict.checkResources(List.of(secret)))
        .contains("resource :Secret is not permitted in project p.");
  }
}

package dev.cairn.engine.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sim.git.GitWorkingCopy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetPreviewTest {
  @TempDir Path dir;
  GitWorkingCopy git;

  @BeforeEach
  void fleet() {
    git = GitWorkingCopy.init(dir);
    git.write(
        "clusters/prod/cluster-config.yaml",
        configMap("cluster-config", "flux-system", "cluster_name: prod"));
    git.write(
        "clusters/prod/apps.yaml",
        kustomization("apps-staging", "./apps/staging", "cluster-config")
            + "---\n"
            + kustomization("apps-production", "./apps/production", "cluster-config"));
    git.write("apps/base/kustomization.yaml", "resources:\n- deployment.yaml\n- secret.yaml\n");
    git.write("apps/base/deployment.yaml", deployment("web:1.0"));
    git.write("apps/base/secret.yaml", secret("first-password"));
    git.write("apps/staging/kustomization.yaml", "namespace: staging\nresources:\n- ../base\n");
    git.write(
        "apps/production/kustomization.yaml", "namespace: production\nresources:\n- ../base\n");
    git.commitAll("first");
  }

  @Test
  void aChangeToABaseShowsInEveryOverlayThatUsesIt() {
    git.write("apps/base/deployment.yaml", deployment("web:2.0"));
    git.commitAll("bump");

    PreviewReport report = preview("HEAD~1", "HEAD", null);

    assertThat(report.root().toString()).isEqualTo("Kustomization/./clusters/prod");
    assertThat(report.hasChanges()).isTrue();
    assertThat(report.hasErrors()).isFalse();
    for (String overlay : List.of("staging", "production")) {
      OwnerPreview owner = owner(report, "Kustomization/flux-system/apps-" + overlay);
      assertThat(owner.changes()).hasSize(1);
      ObjectChange change = owner.changes().get(0);
      assertThat(change.label()).isEqualTo("Deployment.apps/" + overlay + "/web");
      assertThat(change.action()).isEqualTo(ObjectChange.Action.CHANGED);
      assertThat(change.diff()).contains("-      - image: web:1.0", "+      - image: web:2.0");
      assertThat(owner.unchanged()).isEqualTo(1);
    }
    assertThat(owner(report, "Kustomization/./clusters/prod").changes()).isEmpty();
  }

  @Test
  void theSameRevisionTwiceChangesNothing() {
    PreviewReport report = preview("main", "main", null);

    assertThat(report.hasChanges()).isFalse();
    assertThat(report.hasErrors()).isFalse();
    assertThat(report.owners())
        .extracting(o -> o.owner().toString())
        .containsExactlyInAnyOrder(
            "Kustomization/./clusters/prod",
            "Kustomization/flux-system/apps-staging",
            "Kustomization/flux-system/apps-production");
  }

  @Test
  void aSecretChangeIsMaskedAndShowsAsChanged() {
    git.write("apps/base/secret.yaml", secret("second-password"));
    git.commitAll("rotate");

    PreviewReport report = preview("HEAD~1", "HEAD", null);

    ObjectChange change = owner(report, "Kustomization/flux-system/apps-staging").changes().get(0);
    assertThat(change.label()).isEqualTo("Secret/staging/db");
    assertThat(change.diff())
        .contains("-  password: '***'", "+  password: '*** (changed)'", "   user: '***'")
        .doesNotContain("first-password", "second-password", "Zmlyc3", "c2Vjb2", "admin");
  }

  @Test
  void sopsValuesShowOnlyAsChangedOrUnchanged() {
    git.write("apps/base/secret.yaml", sopsSecret("ENC[AES256_GCM,data:AAAA,type:str]"));
    git.write("apps/base/sops.yaml", sopsConfig("ENC[AES256_GCM,data:CCCC,type:str]", "1"));
    git.write(
        "apps/base/kustomization.yaml",
        "resources:\n- deployment.yaml\n- secret.yaml\n- sops.yaml\n");
    git.commitAll("sops");
    git.write("apps/base/secret.yaml", sopsSecret("ENC[AES256_GCM,data:BBBB,type:str]"));
    git.write("apps/base/sops.yaml", sopsConfig("ENC[AES256_GCM,data:DDDD,type:str]", "2"));
    git.commitAll("sops again");

    PreviewReport report = preview("HEAD~1", "HEAD", null);

    assertThat(report.hasErrors()).isFalse();
    List<ObjectChange> changes = owner(report, "Kustomization/flux-system/apps-staging").changes();
    assertThat(changes)
        .extracting(ObjectChange::label)
        .containsExactlyInAnyOrder("Secret/staging/db", "ConfigMap/staging/settings");
    String all = changes.get(0).diff() + changes.get(1).diff();
    assertThat(all)
        .contains(
            "+  password: '*** (changed)'",
            "+  token: ENC[...] (changed)",
            "-  plain: \"1\"",
            "+  plain: \"2\"",
            "+  mac: ENC[...] (changed)")
        .doesNotContain("AAAA", "BBBB", "CCCC", "DDDD");
  }

  @Test
  void variablesFromTheClusterComeFromTheVariablesFileElseAreReportedUnknown() {
    git.write(
        "clusters/prod/region.yaml", kustomization("region", "./apps/region", "cluster-secrets"));
    git.write(
        "apps/region/cm.yaml",
        configMap("region", "default", "region: ${region}\n  name: ${cluster_name:=none}"));
    git.commitAll("region");

    PreviewReport unknown = preview("HEAD~1", "HEAD", null);
    OwnerPreview region = owner(unknown, "Kustomization/flux-system/region");
    assertThat(region.unknownVariables()).containsExactly("region");
    assertThat(region.notes())
        .anyMatch(
            n -> n.contains("ConfigMap flux-system/cluster-secrets is not in the repository"));
    assertThat(region.changes().get(0).diff()).contains("+  region: ${region}");
    assertThat(unknown.unknownVariables()).containsExactly("region");

    PreviewReport known = preview("HEAD~1", "HEAD", Map.of("region", "eu-west-1"));
    OwnerPreview withVars = owner(known, "Kustomization/flux-system/region");
    assertThat(withVars.unknownVariables()).isEmpty();
    assertThat(withVars.changes().get(0).diff()).contains("+  region: eu-west-1", "+  name: none");
  }

  @Test
  void aSourceOutsideTheRepositoryIsNotPreviewed() {
    git.write(
        "clusters/prod/other.yaml",
        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n"
            + "  name: other\n  namespace: flux-system\nspec:\n  interval: 1m\n"
            + "  url: https://example.com/other.git\n---\n"
            + kustomization("other", "./deploy", null).replace("name: flux-system", "name: other"));
    git.commitAll("other");

    PreviewReport report = preview("HEAD~1", "HEAD", null);

    OwnerPreview other = owner(report, "Kustomization/flux-system/other");
    assertThat(other.previewed()).isFalse();
    assertThat(other.notes())
        .anyMatch(n -> n.contains("external source URL https://example.com/other.git"));
    assertThat(report.hasErrors()).isFalse();
  }

  @Test
  void aBrokenKustomizationIsAnErrorAndTheRestGoesOn() {
    git.write("apps/production/kustomization.yaml", "resources:\n- missing.yaml\n");
    git.write("apps/base/deployment.yaml", deployment("web:3.0"));
    git.commitAll("broken");

    PreviewReport report = preview("HEAD~1", "HEAD", null);

    assertThat(report.hasErrors()).isTrue();
    assertThat(owner(report, "Kustomization/flux-system/apps-production").toError())
        .contains("missing.yaml");
    assertThat(owner(report, "Kustomization/flux-system/apps-staging").changes()).hasSize(1);
  }

  @Test
  void aFleetInADirectoryOfTheRepositoryHasItsPathsRelativeToThatDirectory() {
    GitWorkingCopy outer = GitWorkingCopy.init(dir.resolve("outer"));
    outer.write("README.md", "not part of the fleet\n");
    outer.write("examples/fleet/clusters/one/app.yaml", kustomization("app", "./app", null));
    outer.write("examples/fleet/app/kustomization.yaml", "resources:\n- deployment.yaml\n");
    outer.write("examples/fleet/app/deployment.yaml", deployment("web:1.0"));
    outer.commitAll("fleet");
    outer.write("examples/fleet/app/deployment.yaml", deployment("web:1.1"));
    outer.commitAll("bump");

    PreviewReport report =
        FleetPreview.defaults()
            .preview(outer.directory().resolve("examples/fleet"), "HEAD~1", "HEAD", null, null);

    assertThat(report.root().toString()).isEqualTo("Kustomization/./clusters/one");
    assertThat(owner(report, "Kustomization/flux-system/app").changes().get(0).diff())
        .contains("+      - image: web:1.1");
  }

  private PreviewReport preview(String from, String to, Map<String, String> vars) {
    return FleetPreview.defaults().preview(dir, from, to, null, vars);
  }

  static OwnerPreview owner(PreviewReport report, String owner) {
    return report.owners().stream()
        .filter(o -> o.owner().toString().equals(owner))
        .findFirst()
        .orElseThrow(() -> new AssertionError(owner + " not in " + report.owners()));
  }

  static String kustomization(String name, String path, String substituteFrom) {
    String text =
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: "
            + name
            + "\n  namespace: flux-system\nspec:\n  interval: 10m\n  prune: true\n  path: "
            + path
            + "\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n";
    if (substituteFrom != null) {
      text +=
          "  postBuild:\n    substituteFrom:\n    - kind: ConfigMap\n      name: "
              + substituteFrom
              + "\n";
    }
    return text;
  }

  static String configMap(String name, String namespace, String data) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
        + name
        + "\n  namespace: "
        + namespace
        + "\ndata:\n  "
        + data
        + "\n";
  }

  static String deployment(String image) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
        + "  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n"
        + "      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n"
        + "        image: "
        + image
        + "\n";
  }

  static String secret(String password) {
    return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  user: admin\n"
        + "  password: "
        + password
        + "\n";
  }

  static String sopsConfig(String value, String plain) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  token: "
        + value
        + "\n  plain: \""
        + plain
        + "\"\nsops:\n  mac: "
        + value
        + "\n";
  }

  static String sopsSecret(String value) {
    return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: "
        + value
        + "\nsops:\n  mac: "
        + value
        + "\n  version: 3.8.1\n";
  }
}

package dev.cairn.cli;

import static dev.cairn.cli.CliFixture.condition;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.cli.cluster.CairnKind;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The read and write commands against a cluster holding Cairn objects with their status. */
@ExtendWith(ClusterExtension.class)
class CliCommandsIT {

  @TempDir static Path temp;
  static Path kubeconfig;
  static String ns;
  static KubernetesClient client;

  @BeforeAll
  static void objects(TestCluster cluster) throws Exception {
    client = cluster.client();
    kubeconfig = CliFixture.kubeconfig(cluster, temp);
    CliFixture.installCrds(client);
    ns = cluster.createNamespace("cli");
    CliFixture.create(
        client,
        CairnKind.GitRepository,
        """
        apiVersion: cairn.dev/v1
        kind: GitRepository
        metadata: {name: fleet, namespace: %s}
        spec: {url: "https://example.com/fleet.git", interval: 1m, ref: {branch: main}}
        """
            .formatted(ns),
        """
        {"conditions":[%s],
         "artifact":{"path":"p","url":"http://x/p.tar.gz","revision":"main@sha1:1234abcd",
           "digest":"sha256:%s","lastUpdateTime":"2026-01-01T00:00:00Z"}}
        """
            .formatted(
                condition("True", "Succeeded", "stored artifact for revision 'main@sha1:1234abcd'"),
                "a".repeat(64)));
    CliFixture.create(
        client,
        CairnKind.Kustomization,
        """
        apiVersion: cairn.dev/v1
        kind: Kustomization
        metadata: {name: apps, namespace: %s}
        spec:
          interval: 10m
          path: ./
          prune: true
          targetNamespace: %s
          sourceRef: {kind: GitRepository, name: fleet}
          postBuild:
            substituteFrom: [{kind: ConfigMap, name: cluster-config}]
        """
            .formatted(ns, ns),
        """
        {"conditions":[%s],"lastAppliedRevision":"main@sha1:1234abcd",
         "inventory":{"entries":[
           {"id":"%s_settings__ConfigMap","v":"v1"},
           {"id":"%s_infra_cairn.dev_Kustomization","v":"v1"}]}}
        """
            .formatted(
                condition(
                    "True", "ReconciliationSucceeded", "Applied revision: main@sha1:1234abcd"),
                ns,
                ns));
    CliFixture.create(
        client,
        CairnKind.Kustomization,
        """
        apiVersion: cairn.dev/v1
        kind: Kustomization
        metadata: {name: infra, namespace: %s}
        spec: {interval: 10m, path: ./infra, prune: true, sourceRef: {kind: GitRepository, name: fleet}}
        """
            .formatted(ns),
        """
        {"conditions":[%s],"lastAttemptedRevision":"main@sha1:1234abcd",
         "inventory":{"entries":[{"id":"%s_web_apps_Deployment","v":"v1"},{"id":"_%s__Namespace","v":"v1"}]}}
        """
            .formatted(
                condition("False", "HealthCheckFailed", "health check failed: Deployment/web"),
                ns,
                ns));
    client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("cluster-config")
                .endMetadata()
                .addToData("cluster_name", "production")
                .build())
        .create();
  }

  static MainTest.Result cairn(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--kubeconfig", kubeconfig.toString()));
    if (!all.contains("-A")) {
      all.addAll(List.of("-n", ns));
    }
    return MainTest.run(all.toArray(String[]::new));
  }

  @Test
  void getKustomizationsShowsFluxColumns() {
    MainTest.Result result = cairn("get", "kustomizations");
    assertThat(result.code()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0)).matches("NAME +REVISION +SUSPENDED +READY +MESSAGE");
    assertThat(lines.get(1))
        .matches("apps +main@sha1:1234abcd +false +True +Applied revision: main@sha1:1234abcd");
    assertThat(lines.get(2))
        .matches("infra +main@sha1:1234abcd +false +False +health check failed: Deployment/web");
    assertThat(lines).hasSize(3);
  }

  @Test
  void getAllAsJsonHasEveryKindWithStatus() throws Exception {
    MainTest.Result result = cairn("get", "all", "-o", "json");
    assertThat(result.code()).isZero();
    JsonNode rows = CliFixture.json(result.out());
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).path("kind").asText()).isEqualTo("GitRepository");
    assertThat(rows.get(0).path("revision").asText()).isEqualTo("main@sha1:1234abcd");
    assertThat(rows.get(1).at("/status/inventory/entries")).hasSize(2);
  }

  @Test
  void getSourcesNamesTheKindAndAcrossNamespacesTheNamespace() {
    MainTest.Result sources = cairn("get", "sources");
    assertThat(sources.out()).contains("GitRepository/fleet").doesNotContain("apps");
    MainTest.Result all = cairn("get", "ks", "-A");
    assertThat(all.out().lines().findFirst().orElseThrow()).startsWith("NAMESPACE");
    assertThat(all.out()).contains(ns + "   apps");
  }

  @Test
  void getOfAnEmptyNamespaceSaysSo() {
    MainTest.Result result =
        MainTest.run("get", "hr", "--kubeconfig", kubeconfig.toString(), "-n", ns);
    assertThat(result.code()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("no hr found in namespace " + ns + "\n");
  }

  @Test
  void anUnknownKindIsOneLineListingTheKinds() {
    MainTest.Result result = cairn("get", "widgets");
    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err())
        .contains("unknown kind 'widgets'")
        .contains("Kustomization, HelmRelease");
  }

  @Test
  void suspendAndResumeFlipSpecSuspend() {
    assertThat(cairn("suspend", "ks", "infra").out())
        .contains("Kustomization/" + ns + "/infra suspended");
    assertThat(cairn("get", "ks").out()).containsPattern("infra +\\S+ +true");
    assertThat(cairn("suspend", "ks", "infra").out()).contains("was already suspended");
    assertThat(cairn("resume", "kustomization", "infra").out()).contains("resumed");
    assertThat(cairn("get", "ks").out()).containsPattern("infra +\\S+ +false");
  }

  @Test
  void aMissingObjectIsNamed() {
    MainTest.Result result = cairn("suspend", "hr", "nope");
    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.err()).isEqualTo("error: HelmRelease/" + ns + "/nope not found\n");
  }

  @Test
  void treeExpandsNestedKustomizations() throws Exception {
    MainTest.Result result = cairn("tree", "kustomization", "apps");
    assertThat(result.code()).isZero();
    assertThat(result.out())
        .isEqualTo(
            String.join(
                "\n",
                "Kustomization/" + ns + "/apps",
                "├── ConfigMap/" + ns + "/settings",
                "└── Kustomization/" + ns + "/infra",
                "    ├── Deployment/" + ns + "/web",
                "    └── Namespace/" + ns,
                ""));
    JsonNode json = CliFixture.json(cairn("tree", "ks", "apps", "-o", "json").out());
    assertThat(json.at("/children/1/children/0/kind").asText()).isEqualTo("Deployment");
  }

  @Test
  void eventsForOneObject() {
    for (String name : List.of("apps", "infra")) {
      client
          .v1()
          .events()
          .inNamespace(ns)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName(name + "-event")
                  .endMetadata()
                  .withNewInvolvedObject()
                  .withKind("Kustomization")
                  .withName(name)
                  .withNamespace(ns)
                  .endInvolvedObject()
                  .withType("Normal")
                  .withReason(name.equals("apps") ? "ReconciliationSucceeded" : "Progressing")
                  .withMessage("message of " + name)
                  .withLastTimestamp("2026-01-01T00:00:00Z")
                  .build())
          .create();
    }
    MainTest.Result result = cairn("events", "--for", "ks/apps");
    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("ReconciliationSucceeded")
        .contains("Kustomization/apps")
        .contains("message of apps")
        .doesNotContain("message of infra");
    assertThat(cairn("events").out()).contains("message of infra");
    assertThat(cairn("events", "--for", "apps").err()).contains("expected KIND/NAME");
  }

  @Test
  void buildKustomizationRendersAsTheControllerWould() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("build"));
    Files.writeString(
        dir.resolve("app.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  cluster: ${cluster_name}\n");
    MainTest.Result result = cairn("build", "kustomization", "apps", "--path", dir.toString());
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .contains("name: settings")
        .contains("namespace: " + ns)
        .contains("cluster: production");
  }

  @Test
  void diffShowsWhatWouldChangeWithSecretsMasked() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("diff"));
    Files.writeString(
        dir.resolve("app.yaml"),
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          cluster: ${cluster_name}
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: token
        stringData:
          token: s3cr3t-value
        """);
    MainTest.Result result = cairn("diff", "ks", "apps", "--path", dir.toString());
    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.out())
        .contains("ConfigMap/" + ns + "/settings")
        .contains("+  cluster: production")
        .contains("Secret/" + ns + "/token")
        .doesNotContain("s3cr3t-value");
    assertThat(result.err()).contains("2 of 2 objects would change");
  }

  @Test
  void anUnreachableClusterIsOneLine() throws Exception {
    Path config = temp.resolve("unreachable");
    Files.writeString(
        config,
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "http://127.0.0.1:1"}}]
        users: [{name: u, user: {}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        current-context: x
        """);
    MainTest.Result result = MainTest.run("get", "all", "--kubeconfig", config.toString());
    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.err()).startsWith("error: cannot reach the cluster").hasLineCount(1);
  }

  @Test
  void aMissingKubeconfigIsNamed() {
    MainTest.Result result = MainTest.run("get", "all", "--kubeconfig", "no/such/file");
    assertThat(result.err()).isEqualTo("error: no/such/file: no such kubeconfig file\n");
  }
}

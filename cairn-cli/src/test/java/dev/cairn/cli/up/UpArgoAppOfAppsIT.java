package dev.cairn.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import dev.cairn.api.argo.AppProject;
import dev.cairn.api.argo.Application;
import dev.cairn.cli.Main;
import dev.cairn.sim.git.GitWorkingCopy;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn up --fleet DIR --path bootstrap} on an Argo CD app-of-apps repository written as
 * Argo CD users write it (a clone whose remote is {@code https://github.com/acme/gitops.git}): the
 * root Application is applied once and installs a single-source Helm app, the same chart as a
 * multi-source app with a {@code ref: values} source, and a plain-manifests app in wave 1; all end
 * Synced and Healthy, with the values Helm itself renders.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpArgoAppOfAppsIT {
  static final Path FLEET =
      Path.of("src", "test", "resources", "up", "argo-fleet").toAbsolutePath();
  static final String REMOTE = "https://github.com/acme/gitops.git";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String[] CHILDREN = {"gateway", "gateway-multi", "web"};

  @TempDir static Path temp;
  private UpSession session;
  private KubernetesClient kubectl;
  private final StringWriter printed = new StringWriter();

  @BeforeAll
  void start() throws Exception {
    Path fleet = temp.resolve("gitops");
    GitWorkingCopy clone = GitWorkingCopy.init(fleet);
    try (Stream<Path> files = Files.walk(FLEET)) {
      files
          .filter(Files::isRegularFile)
          .forEach(f -> write(clone, FLEET.relativize(f).toString(), f));
    }
    clone.git("remote", "add", "origin", REMOTE);
    clone.commitAll("gitops");
    session =
        UpSession.start(
            UpSettings.defaults()
                .withFleet(fleet)
                .withPath("bootstrap")
                .withWorkDir(temp.resolve("up")),
            RuntimeControllers::start,
            new PrintWriter(printed, true));
    kubectl =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(null, session.kubeconfig().toFile()))
            .build();
  }

  private static void write(GitWorkingCopy clone, String path, Path file) {
    try {
      clone.write(path, Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  void stop() {
    if (kubectl != null) {
      kubectl.close();
    }
    if (session != null) {
      session.close();
    }
  }

  @Test
  @Order(1)
  void everyChildApplicationEndsSyncedAndHealthy() {
    await()
        .atMost(Duration.ofMinutes(6))
        .untilAsserted(
            () -> {
              for (String name : CHILDREN) {
                Application app = app(name);
                assertThat(app).as(name).isNotNull();
                assertThat(app.getStatus()).as(name).isNotNull();
                String seen =
                    name + ": " + kubectl.getKubernetesSerialization().asJson(app.getStatus());
                assertThat(app.getStatus().getSync()).as(seen).isNotNull();
                assertThat(app.getStatus().getSync().status()).as(seen).isEqualTo("Synced");
                assertThat(app.getStatus().getHealth().status()).as(seen).isEqualTo("Healthy");
              }
            });
    assertThat(printed.toString())
        .contains("Argo CD bootstrap in bootstrap: applied Application/argocd/root once");
    String table = cairn("get", "applications", "-A");
    assertThat(table).contains("NAMESPACE", "NAME", "SYNC STATUS", "HEALTH", "REVISION");
    for (String name : CHILDREN) {
      assertThat(table.lines().filter(l -> l.startsWith("argocd") && l.contains(" " + name + " ")))
          .as(table)
          .singleElement()
          .satisfies(line -> assertThat(line).contains("Synced", "Healthy"));
    }
    assertThat(app("gateway").getStatus().getSync().revision()).matches("[0-9a-f]{40}");
    assertThat(app("gateway-multi").getStatus().getSync().revisions()).hasSize(2);
    assertThat(app("gateway").getStatus().getSummary().images())
        .containsExactly("registry.example.com/gateway:2.9.1");
    assertThat(app("web").getStatus().getResources())
        .extracting(r -> r.kind() + "/" + r.name())
        .contains("ConfigMap/web-config", "Deployment/web");
  }

  @Test
  @Order(7)
  void theRootEndsSyncedAndHealthyWithItsChildrenAsResources() {
    await()
        .atMost(Duration.ofMinutes(6))
        .untilAsserted(
            () -> {
              Application root = app("root");
              assertThat(root.getStatus().getSync()).isNotNull();
              assertThat(root.getStatus().getHealth().status()).isEqualTo("Healthy");
              assertThat(root.getStatus().getResources())
                  .extracting(r -> r.kind() + "/" + r.name() + "@" + r.syncWave())
                  .contains(
                      "Application/web@1", "Application/gateway@0", "Application/gateway-multi@0");
            });
  }

  @Test
  @Order(2)
  void helmValuesAreRenderedAsHelmRendersThem() throws Exception {
    Path chart = FLEET.resolve("charts/gateway");
    Path inline = temp.resolve("inline.yaml");
    Files.writeString(inline, "replicaCount: 3\nconfig:\n  logLevel: debug\n");
    String single =
        new Helm(chart)
            .template()
            .withName("edge")
            .withNamespace("gateway")
            .withValuesFile(chart.resolve("values-prod.yaml"))
            .withValuesFile(inline)
            .call();
    assertThat(configMap("gateway", "edge-config").getData())
        .isEqualTo(dataOf(single, "edge-config"))
        .containsEntry("replicas", "3")
        .containsEntry("upstream", "http://backend.prod");

    Path object = temp.resolve("object.yaml");
    Files.writeString(object, "config:\n  region: eu-west-1\n");
    String multi =
        new Helm(chart)
            .template()
            .withName("gateway-multi")
            .withNamespace("gateway-multi")
            .withValuesFile(FLEET.resolve("environments/prod/gateway.yaml"))
            .withValuesFile(object)
            .call();
    assertThat(configMap("gateway-multi", "gateway-multi-config").getData())
        .isEqualTo(dataOf(multi, "gateway-multi-config"))
        .containsEntry("region", "eu-west-1")
        .containsEntry("logLevel", "warn");
  }

  @Test
  @Order(3)
  void thePreSyncHookJobRanAndWasDeletedAsItsPolicySays() {
    Application web = app("web");
    assertThat(web.getStatus().getOperationState().phase()).isEqualTo("Succeeded");
    assertThat(web.getStatus().getOperationState().syncResult().resources())
        .anySatisfy(
            r -> {
              assertThat(r.kind()).isEqualTo("Job");
              assertThat(r.name()).isEqualTo("web-migrate");
              assertThat(r.hookType()).isEqualTo("PreSync");
              assertThat(r.hookPhase()).isEqualTo("Succeeded");
            });
    assertThat(kubectl.batch().v1().jobs().inNamespace("web").withName("web-migrate").get())
        .as("HookSucceeded deletes the Job")
        .isNull();
    assertThat(configMap("web", "web-config").getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/instance", "web");
  }

  @Test
  @Order(4)
  void selfHealRestoresAHandEdit() {
    kubectl
        .configMaps()
        .inNamespace("web")
        .withName("web-config")
        .edit(
            cm -> {
              cm.getData().put("greeting", "edited by hand");
              return cm;
            });
    refresh("web");
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () ->
                assertThat(configMap("web", "web-config").getData())
                    .containsEntry("greeting", "hello"));
  }

  @Test
  @Order(5)
  void pruneRemovesAFileDeletedFromGit() throws Exception {
    assertThat(configMap("web", "web-extra")).isNotNull();
    Path work = temp.resolve("up").resolve(LocalRepository.NAME);
    Files.delete(work.resolve("manifests/web/extra.yaml"));
    GitWorkingCopy.init(work).commitAll("drop the extra ConfigMap");
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(() -> assertThat(configMap("web", "web-extra")).isNull());
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () -> assertThat(app("web").getStatus().getSync().status()).isEqualTo("Synced"));
  }

  @Test
  @Order(6)
  void aProjectThatForbidsTheDestinationStopsTheSyncWithArgoCdsMessage() throws Exception {
    kubectl
        .resource(
            kubectl
                .getKubernetesSerialization()
                .unmarshal(
                    """
                    apiVersion: cairn.dev/v1
                    kind: AppProject
                    metadata: {name: restricted, namespace: argocd}
                    spec:
                      sourceRepos: ['*']
                      destinations:
                        - {server: 'https://kubernetes.default.svc', namespace: 'team-*'}
                    """,
                    AppProject.class))
        .create();
    kubectl
        .resource(
            kubectl
                .getKubernetesSerialization()
                .unmarshal(
                    """
                    apiVersion: cairn.dev/v1
                    kind: Application
                    metadata: {name: forbidden, namespace: argocd}
                    spec:
                      project: restricted
                      source:
                        repoURL: https://github.com/acme/gitops.git
                        path: manifests/web
                      destination: {server: 'https://kubernetes.default.svc', namespace: web}
                      syncPolicy: {automated: {}}
                    """,
                    Application.class))
        .create();
    String message =
        "application destination server 'https://kubernetes.default.svc' and namespace 'web' do"
            + " not match any of the allowed destinations in project 'restricted'";
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () ->
                assertThat(
                        app("forbidden").getStatus() == null
                            ? java.util.List.<io.fabric8.kubernetes.api.model.Condition>of()
                            : app("forbidden").getStatus().getConditions())
                    .anySatisfy(
                        c -> {
                          assertThat(c.getType()).isEqualTo("InvalidSpecError");
                          assertThat(c.getMessage()).isEqualTo(message);
                        }));
    assertThat(app("forbidden").getStatus().getOperationState()).isNull();
  }

  private void refresh(String name) {
    kubectl
        .resources(Application.class)
        .inNamespace("argocd")
        .withName(name)
        .edit(
            app -> {
              app.getMetadata()
                  .getAnnotations()
                  .put("reconcile.cairn.dev/requestedAt", Instant.now().toString());
              return app;
            });
  }

  private Application app(String name) {
    return kubectl.resources(Application.class).inNamespace("argocd").withName(name).get();
  }

  private ConfigMap configMap(String namespace, String name) {
    return kubectl.configMaps().inNamespace(namespace).withName(name).get();
  }

  private static Map<String, String> dataOf(String manifests, String name) throws IOException {
    for (String document : manifests.split("(?m)^---\\s*$")) {
      JsonNode node = YAML.readTree(document);
      if (node != null
          && "ConfigMap".equals(node.path("kind").asText())
          && name.equals(node.at("/metadata/name").asText())) {
        return YAML.convertValue(node.get("data"), Map.class);
      }
    }
    throw new AssertionError("helm template rendered no ConfigMap " + name);
  }

  private String cairn(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--kubeconfig";
    all[args.length + 1] = session.kubeconfig().toString();
    int code =
        Main.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            all);
    assertThat(code).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }
}

package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.source.GitRepository;
import dev.cairn.cli.install.InstallManifests;
import dev.cairn.cli.install.InstallSettings;
import dev.cairn.sim.cluster.ServingTls;
import dev.cairn.sim.cluster.SimulatedCluster;
import dev.cairn.sim.cluster.SimulatedClusterOptions;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.testkit.tls.TestPki;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn controller} configured as in a Pod: no kubeconfig, the API server's address in
 * {@code KUBERNETES_SERVICE_HOST}/{@code _PORT}, the service account's token, CA certificate and
 * namespace in files (fabric8 reads them from {@code
 * /var/run/secrets/kubernetes.io/serviceaccount}; its documented variables point it at a directory
 * of the test instead). The simulated API server answers over TLS and authenticates the token as
 * {@code cairn-system/cairn-controller}, enforcing RBAC: the account can do nothing until the
 * install manifests' binding is applied, and with it alone the controller takes its Lease and
 * reconciles a Kustomization to Ready.
 */
class InClusterControllerIT {
  private static final String NAMESPACE = "cairn-system";
  private static final String ACCOUNT = "system:serviceaccount:" + NAMESPACE + ":cairn-controller";
  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir Path temp;

  @Test
  void aControllerWithAPodsServiceAccountReconcilesWithTheInstallRbacAlone() throws Exception {
    TestPki pki = TestPki.create("simulated-apiserver-ca");
    TestPki.Issued serving = pki.issueServer();
    String token = "pod-token-" + Long.toHexString(System.nanoTime());
    try (SimulatedCluster cluster =
            SimulatedCluster.start(
                SimulatedClusterOptions.defaults()
                    .withTls(
                        new ServingTls(
                            serving.certificatePem(), serving.pkcs8KeyPem(), pki.caPem())));
        GitHttpServer git = GitHttpServer.start(temp.resolve("repos"))) {
      cluster.registerToken(token, ACCOUNT);
      KubernetesClient admin = cluster.client();
      assertTheTokenIsAuthenticatedAndAuthorized(cluster, token);

      install(admin);
      String url = git.createRepository("fleet");
      GitWorkingCopy work = GitWorkingCopy.init(Files.createDirectories(temp.resolve("work")));
      work.write(
          "app/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {a: b}\n");
      work.commitAll("first");
      work.push(url);
      createFleet(admin, url);
      Path pod = podFiles(token, pki.caPem());

      Process controller = start(pod, URI.create(cluster.masterUrl()).getPort());
      List<String> lines = drain(controller);
      try {
        await()
            .atMost(WAIT)
            .until(
                () ->
                    ready(
                            admin
                                .resources(Kustomization.class)
                                .inNamespace("apps")
                                .withName("app")
                                .get())
                        || !controller.isAlive());
        assertThat(controller.isAlive()).as(String.join("\n", lines)).isTrue();
        assertThat(admin.configMaps().inNamespace("apps").withName("cm").get().getData())
            .containsEntry("a", "b");
        assertThat(
                admin.leases().inNamespace(NAMESPACE).list().getItems().stream()
                    .map(l -> l.getSpec().getHolderIdentity()))
            .isNotEmpty();
        Map<String, Long> asAccount = cluster.requests().impersonating(ACCOUNT);
        assertThat(asAccount.get("apply configmaps")).isNotNull().isPositive();
        assertThat(String.join("\n", lines)).doesNotContain(token);
      } finally {
        controller.destroy();
      }
    }
  }

  /** A registered token acts as its account, RBAC-checked; an unknown one is 401. */
  private static void assertTheTokenIsAuthenticatedAndAuthorized(
      SimulatedCluster cluster, String token) {
    Config asPod = cluster.config();
    asPod.setOauthToken(token);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(asPod).build()) {
      assertThatThrownBy(() -> client.configMaps().inNamespace("default").list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }
    Config stranger = cluster.config();
    stranger.setOauthToken("not-registered");
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(stranger).build()) {
      assertThatThrownBy(() -> client.configMaps().inNamespace("default").list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(401));
    }
  }

  /**
   * The bootstrap ClusterRole {@code cluster-admin} kube-apiserver creates, then every object of
   * {@code cairn install --export}.
   */
  private static void install(KubernetesClient admin) {
    admin
        .rbac()
        .clusterRoles()
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName("cluster-admin")
                .endMetadata()
                .addNewRule()
                .withApiGroups("*")
                .withResources("*")
                .withVerbs("*")
                .endRule()
                .build())
        .create();
    for (JsonNode object : InstallManifests.objects(InstallSettings.defaults("test"))) {
      admin
          .resource(
              admin
                  .getKubernetesSerialization()
                  .convertValue(object, GenericKubernetesResource.class))
          .fieldManager("in-cluster-it")
          .forceConflicts()
          .serverSideApply();
    }
  }

  private static void createFleet(KubernetesClient admin, String url) {
    admin
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("apps").endMetadata().build())
        .create();
    var serialization = admin.getKubernetesSerialization();
    admin
        .resource(
            serialization.unmarshal(
                """
                apiVersion: cairn.dev/v1
                kind: GitRepository
                metadata: {name: repo, namespace: apps}
                spec: {url: "%s", interval: 1m, ref: {branch: main}}
                """
                    .formatted(url),
                GitRepository.class))
        .create();
    admin
        .resource(
            serialization.unmarshal(
                """
                apiVersion: cairn.dev/v1
                kind: Kustomization
                metadata: {name: app, namespace: apps}
                spec:
                  interval: 5m
                  sourceRef: {kind: GitRepository, name: repo}
                  path: ./app
                  prune: true
                  targetNamespace: apps
                """,
                Kustomization.class))
        .create();
  }

  /** What a Pod finds in /var/run/secrets/kubernetes.io/serviceaccount. */
  private Path podFiles(String token, String caPem) throws IOException {
    Path dir = Files.createDirectories(temp.resolve("serviceaccount"));
    Files.writeString(dir.resolve("token"), token);
    Files.writeString(dir.resolve("ca.crt"), caPem);
    Files.writeString(dir.resolve("namespace"), NAMESPACE);
    return dir;
  }

  /**
   * The controller in a JVM of its own, with the environment of a Pod: fabric8's in-cluster
   * variables, the files' locations through fabric8's documented variables, and no kubeconfig.
   */
  private Process start(Path pod, int port) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "controller",
                "--storage-path",
                temp.resolve("storage").toString(),
                "--metrics-bind-address",
                "127.0.0.1:0",
                "--lease-namespace",
                NAMESPACE,
                "--key-namespace",
                NAMESPACE,
                "--log-encoding",
                "console")
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("KUBERNETES_SERVICE_HOST", "127.0.0.1");
    env.put("KUBERNETES_SERVICE_PORT", Integer.toString(port));
    env.put("KUBERNETES_AUTH_SERVICEACCOUNT_TOKEN", pod.resolve("token").toString());
    env.put("KUBERNETES_CERTS_CA_FILE", pod.resolve("ca.crt").toString());
    env.put("KUBENAMESPACE", pod.resolve("namespace").toString());
    env.put("KUBECONFIG", temp.resolve("no-kubeconfig").toString());
    env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
    env.put("HOME", temp.toString());
    return builder.start();
  }

  private static List<String> drain(Process process) {
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
              } catch (IOException closed) {
                // the process is gone
              }
            });
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static boolean ready(Kustomization k) {
    return k != null
        && k.getStatus() != null
        && k.getStatus().getConditions().stream()
            .anyMatch(
                c -> ConditionTypes.READY.equals(c.getType()) && "True".equals(c.getStatus()));
  }
}

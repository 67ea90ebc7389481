package dev.cairn.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.GitRepositoryStatus;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.HelmRepositoryStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.source.helm.HelmFetcherOptions;
import dev.cairn.source.helm.HelmRepositoryFetcher;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import dev.cairn.testkit.helm.HelmCharts;
import dev.cairn.testkit.helm.HelmRepoServer;
import dev.cairn.testkit.tls.TestPki;
import dev.cairn.testkit.tls.TestPki.Issued;
import dev.cairn.testkit.tls.TestPki.KeyType;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mutual TLS as Flux users configure it: a {@code kubernetes.io/tls} Secret with {@code tls.crt},
 * {@code tls.key} and {@code ca.crt} behind a HelmRepository's {@code certSecretRef} or a
 * GitRepository's {@code secretRef}, against servers that refuse clients without a certificate.
 */
@ExtendWith(ClusterExtension.class)
class SourceMutualTlsIT {
  private static Path temp;
  private static TestPki pki;
  private static Issued client;
  private static HelmRepoServer charts;
  private static GitHttpServer git;
  private static String gitUrl;
  private static String head;
  private static KubernetesClient kube;
  private static StepReconciler<HelmRepository, HelmRepositoryStatus, HelmRepositoryRun>
      helmRepositories;
  private static StepReconciler<GitRepository, GitRepositoryStatus, GitRepositoryRun>
      gitRepositories;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    temp = Files.createTempDirectory("engine-mtls-it-");
    pki = TestPki.create("fleet-ca");
    client = pki.issueClient("cairn-source", KeyType.RSA);
    charts =
        HelmRepoServer.startMutualTls(temp.resolve("charts"), pki.serverContext(pki.issueServer()));
    Path chart = HelmCharts.create(temp.resolve("src"), "web", "1.0.0");
    charts.addChart(
        "web", "1.0.0", HelmCharts.packageChart(chart, temp.resolve("pkg"), "web", "1.0.0"));
    git = GitHttpServer.startMutualTls(temp.resolve("git"), pki.serverContext(pki.issueServer()));
    gitUrl = git.createRepository("fleet");
    GitWorkingCopy work = GitWorkingCopy.init(temp.resolve("work"));
    head =
        work.write("app/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n")
            .commitAll("a");
    work.push(git.repositoryDirectory("fleet").toString());

    kube = cluster.client();
    CairnCrdInstaller.install(kube, List.of(HelmRepository.class, GitRepository.class));
    ArtifactStore store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    EventRecorder events = new EventRecorder(kube, "cairn", Clock.systemUTC());
    helmRepositories =
        HelmRepositoryKind.reconciler(
            kube,
            new HelmRepositoryFetcher(store, HelmFetcherOptions.defaults()),
            events,
            "http://cairn-source.cairn-system",
            Clock.systemUTC());
    gitRepositories =
        GitRepositoryKind.reconciler(
            kube,
            new GitFetcher(temp.resolve("cache"), store),
            events,
            "http://cairn-source.cairn-system",
            Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    charts.close();
    git.close();
  }

  @Test
  void helmRepositoryWithCertSecretRefIsReady(TestCluster cluster) {
    String ns = cluster.createNamespace("helm-mtls");
    tlsSecret(ns, "client-tls", client.certificatePem(), client.traditionalKeyPem());
    apply(
        HelmRepository.class,
        """
        apiVersion: cairn.dev/v1
        kind: HelmRepository
        metadata: {name: repo, namespace: %s}
        spec: {url: "%s", interval: 10m, certSecretRef: {name: client-tls}}
        """
            .formatted(ns, charts.url()));

    helmRepositories.reconcile(ns, "repo", Trigger.INTERVAL);

    Condition ready = ready(HelmRepository.class, ns);
    assertThat(ready.getStatus()).isEqualTo("True");
    assertThat(
            kube.resources(HelmRepository.class)
                .inNamespace(ns)
                .withName("repo")
                .get()
                .getStatus()
                .getArtifact()
                .revision())
        .startsWith("sha256:");
  }

  @Test
  void aMissingClientCertificateIsReportedAsSuch(TestCluster cluster) {
    String ns = cluster.createNamespace("helm-ca-only");
    kube.secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("ca-only")
                .endMetadata()
                .withStringData(Map.of("ca.crt", pki.caPem()))
                .build())
        .serverSideApply();
    apply(
        HelmRepository.class,
        """
        apiVersion: cairn.dev/v1
        kind: HelmRepository
        metadata: {name: repo, namespace: %s}
        spec: {url: "%s", interval: 10m, certSecretRef: {name: ca-only}}
        """
            .formatted(ns, charts.url()));

    helmRepositories.reconcile(ns, "repo", Trigger.INTERVAL);

    Condition ready = ready(HelmRepository.class, ns);
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("AuthenticationFailed");
    assertThat(ready.getMessage())
        .endsWith(
            "(the server asked for a TLS client certificate and none is set (tls.crt, tls.key))");
  }

  @Test
  void gitRepositoryWithTlsKeysInSecretRefIsReady(TestCluster cluster) {
    String ns = cluster.createNamespace("git-mtls");
    tlsSecret(ns, "git-tls", client.certificatePem(), client.pkcs8KeyPem());
    gitRepository(ns, "git-tls");

    gitRepositories.reconcile(ns, "repo", Trigger.INTERVAL);

    Condition ready = ready(GitRepository.class, ns);
    assertThat(ready.getStatus()).as(ready.getMessage()).isEqualTo("True");
    assertThat(
            kube.resources(GitRepository.class)
                .inNamespace(ns)
                .withName("repo")
                .get()
                .getStatus()
                .getArtifact()
                .revision())
        .isEqualTo("main@sha1:" + head);
  }

  @Test
  void aCertificateWithoutItsKeyFailsAndNamesTheMissingKey(TestCluster cluster) {
    String ns = cluster.createNamespace("git-half");
    String key = client.pkcs8KeyPem();
    tlsSecret(ns, "half", client.certificatePem(), null);
    gitRepository(ns, "half");

    gitRepositories.reconcile(ns, "repo", Trigger.INTERVAL);

    Condition ready = ready(GitRepository.class, ns);
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getMessage()).contains("needs both tls.crt and tls.key; only tls.crt is set");
    tlsSecret(ns, "half", client.certificatePem(), key);
    gitRepositories.reconcile(ns, "repo", Trigger.INTERVAL);
    assertThat(ready(GitRepository.class, ns).getStatus()).isEqualTo("True");
    String keyLine = key.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
    assertThat(kube.v1().events().inNamespace(ns).list().getItems())
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.getMessage()).doesNotContain(keyLine));
  }

  private static void gitRepository(String ns, String secret) {
    apply(
        GitRepository.class,
        """
        apiVersion: cairn.dev/v1
        kind: GitRepository
        metadata: {name: repo, namespace: %s}
        spec: {url: "%s", interval: 1m, ref: {branch: main}, secretRef: {name: %s}}
        """
            .formatted(ns, gitUrl, secret));
  }

  /** A Secret as cert-manager writes it: type kubernetes.io/tls, base64 data. */
  private static void tlsSecret(String ns, String name, String certificate, String key) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("ca.crt", base64(pki.caPem()));
    data.put("tls.crt", base64(certificate));
    if (key != null) {
      data.put("tls.key", base64(key));
    }
    kube.secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withType(key == null ? "Opaque" : "kubernetes.io/tls")
                .withData(data)
                .build())
        .createOr(existing -> existing.update());
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static <T extends HasMetadata> void apply(Class<T> type, String yaml) {
    kube.resource(kube.getKubernetesSerialization().unmarshal(yaml, type)).serverSideApply();
  }

  private static <T extends HasMetadata> Condition ready(Class<T> type, String ns) {
    HasMetadata object = kube.resources(type).inNamespace(ns).withName("repo").get();
    List<Condition> conditions =
        object instanceof GitRepository g
            ? g.getStatus().getConditions()
            : ((HelmRepository) object).getStatus().getConditions();
    return conditions.stream().filter(c -> "Ready".equals(c.getType())).findFirst().orElseThrow();
  }
}

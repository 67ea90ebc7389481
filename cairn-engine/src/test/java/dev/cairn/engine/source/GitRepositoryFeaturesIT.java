package dev.cairn.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.ConditionTypes;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.GitRepositoryStatus;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import dev.cairn.testkit.git.TestPgpKey;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A GitRepository's {@code spec.verify} (OpenPGP keys from a Secret, commits signed by JGit and
 * pushed to a smart-HTTP server), {@code spec.include} (another GitRepository's artifact copied
 * into this one), {@code sparseCheckout} and {@code recurseSubmodules}, as Flux users write them;
 * fields Cairn does not implement stall.
 */
@ExtendWith(ClusterExtension.class)
class GitRepositoryFeaturesIT {
  private static Path temp;
  private static GitHttpServer git;
  private static KubernetesClient client;
  private static ArtifactStore store;
  private static StepReconciler<GitRepository, GitRepositoryStatus, GitRepositoryRun> reconciler;
  private static TestPgpKey trusted;
  private static TestPgpKey stranger;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    temp = Files.createTempDirectory("engine-git-verify-");
    git = GitHttpServer.start(temp.resolve("repos"));
    client = cluster.client();
    CairnCrdInstaller.install(client, List.of(GitRepository.class));
    store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    reconciler = SourceItSetup.gitRepositories(client, temp, store);
    trusted = TestPgpKey.generate("Trusted <trusted@cairn.dev>");
    stranger = TestPgpKey.generate("Stranger <stranger@cairn.dev>");
  }

  @AfterAll
  static void stop() {
    git.close();
  }

  @Test
  void onlyACommitSignedByATrustedKeyBecomesTheArtifact(TestCluster cluster) throws Exception {
    String ns = cluster.createNamespace("verify");
    String url = git.createRepository(ns);
    GitWorkingCopy work = GitWorkingCopy.init(Files.createTempDirectory(temp, "work"));
    work.write("app/a.yaml", "kind: ConfigMap\n");
    String signed = work.commitAllSigned("signed", trusted);
    work.push(url);
    keysSecret(ns, Map.of("trusted.asc", trusted.armoredPublicKey()));
    apply(ns, "repo", url, "verify: {mode: HEAD, secretRef: {name: pgp-keys}}");

    GitRepositoryStatus verified = reconcile(ns, "repo");

    assertThat(condition(verified, "Ready").getStatus()).isEqualTo("True");
    assertThat(verified.getArtifact().revision()).isEqualTo("main@sha1:" + signed);
    Condition sourceVerified = condition(verified, ConditionTypes.SOURCE_VERIFIED);
    assertThat(sourceVerified.getStatus()).isEqualTo("True");
    assertThat(sourceVerified.getMessage())
        .matches("verified signature of commit '" + signed + "' with key '[0-9A-F]{16}'");
    assertThat(verified.getSourceVerificationMode()).isEqualTo("HEAD");

    work.write("app/b.yaml", "kind: ConfigMap\n");
    String foreign = work.commitAllSigned("by a stranger", stranger);
    work.push(url);
    GitRepositoryStatus refused = reconcile(ns, "repo");

    assertThat(condition(refused, "Ready").getReason()).isEqualTo("InvalidCommitSignature");
    assertThat(condition(refused, ConditionTypes.SOURCE_VERIFIED).getStatus()).isEqualTo("False");
    assertThat(condition(refused, ConditionTypes.SOURCE_VERIFIED).getMessage())
        .contains("commit " + foreign)
        .contains("not among the trusted keys");
    assertThat(refused.getArtifact().revision()).isEqualTo("main@sha1:" + signed);

    work.write("app/c.yaml", "kind: ConfigMap\n");
    work.commitAll("unsigned");
    work.push(url);
    assertThat(condition(reconcile(ns, "repo"), ConditionTypes.SOURCE_VERIFIED).getMessage())
        .endsWith("is not signed");
  }

  @Test
  void aMissingKeysSecretIsAVerificationError(TestCluster cluster) throws Exception {
    String ns = cluster.createNamespace("verify-nokeys");
    String url = git.createRepository(ns);
    GitWorkingCopy work = GitWorkingCopy.init(Files.createTempDirectory(temp, "work"));
    work.write("a.yaml", "kind: ConfigMap\n");
    work.commitAllSigned("signed", trusted);
    work.push(url);
    apply(ns, "repo", url, "verify: {mode: HEAD, secretRef: {name: absent}}");

    GitRepositoryStatus status = reconcile(ns, "repo");

    assertThat(condition(status, "Ready").getReason()).isEqualTo("VerificationError");
    assertThat(condition(status, "Ready").getMessage())
        .isEqualTo("PGP public keys secret error: secret '" + ns + "/absent' not found");
    assertThat(status.getArtifact()).isNull();
  }

  @Test
  void anIncludedRepositorysArtifactIsCopiedIntoThisOne(TestCluster cluster) throws Exception {
    String ns = cluster.createNamespace("include");
    String libUrl = git.createRepository(ns + "-lib");
    GitWorkingCopy lib = GitWorkingCopy.init(Files.createTempDirectory(temp, "lib"));
    lib.write("deploy/base/service.yaml", "kind: Service\n");
    lib.write("README.md", "not included\n");
    lib.commitAll("lib");
    lib.push(libUrl);
    String appUrl = git.createRepository(ns + "-app");
    GitWorkingCopy app = GitWorkingCopy.init(Files.createTempDirectory(temp, "app"));
    app.write("app/a.yaml", "kind: ConfigMap\n");
    app.commitAll("app");
    app.push(appUrl);
    apply(
        ns,
        "app",
        appUrl,
        "include: [{repository: {name: lib}, fromPath: deploy, toPath: vendor/lib}]");

    GitRepositoryStatus waiting = reconcile(ns, "app");

    assertThat(condition(waiting, "Ready").getReason()).isEqualTo("NotFound");
    assertThat(condition(waiting, ConditionTypes.INCLUDE_UNAVAILABLE).getMessage())
        .isEqualTo("could not get resource for include 'lib'");

    apply(ns, "lib", libUrl, "");
    GitRepositoryStatus libStatus = reconcile(ns, "lib");
    GitRepositoryStatus composed = reconcile(ns, "app");

    assertThat(condition(composed, "Ready").getStatus()).isEqualTo("True");
    assertThat(composed.getConditions())
        .noneMatch(c -> c.getType().equals(ConditionTypes.INCLUDE_UNAVAILABLE));
    assertThat(composed.getIncludedArtifacts())
        .singleElement()
        .satisfies(a -> assertThat(a.revision()).isEqualTo(libStatus.getArtifact().revision()));
    assertThat(composed.getObservedInclude()).hasSize(1);
    Path unpacked = Files.createTempDirectory(temp, "unpacked");
    store.extract(SourceArtifacts.toStore(composed.getArtifact()), unpacked);
    assertThat(unpacked.resolve("app/a.yaml")).exists();
    assertThat(unpacked.resolve("vendor/lib/base/service.yaml")).hasContent("kind: Service\n");
    assertThat(unpacked.resolve("vendor/lib/README.md")).doesNotExist();
  }

  @Test
  void sparseCheckoutLimitsTheArtifactToItsDirectories(TestCluster cluster) throws Exception {
    String ns = cluster.createNamespace("sparse");
    String url = git.createRepository(ns);
    GitWorkingCopy work = GitWorkingCopy.init(Files.createTempDirectory(temp, "sparse"));
    work.write("deploy/prod/a.yaml", "kind: ConfigMap\n");
    work.write("docs/guide.md", "# guide\n");
    work.write("README.md", "# repo\n");
    work.commitAll("tree");
    work.push(url);
    apply(ns, "repo", url, "sparseCheckout: [./deploy/prod/]");

    GitRepositoryStatus status = reconcile(ns, "repo");

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(status.getObservedSparseCheckout()).containsExactly("./deploy/prod/");
    Path unpacked = Files.createTempDirectory(temp, "unpacked");
    store.extract(SourceArtifacts.toStore(status.getArtifact()), unpacked);
    assertThat(unpacked.resolve("deploy/prod/a.yaml")).exists();
    assertThat(unpacked.resolve("docs")).doesNotExist();
    assertThat(unpacked.resolve("README.md")).doesNotExist();

    apply(ns, "repo", url, "sparseCheckout: [deploy/staging]");
    GitRepositoryStatus missing = reconcile(ns, "repo");

    assertThat(condition(missing, "Ready").getReason()).isEqualTo("GitOperationFailed");
    assertThat(condition(missing, "Ready").getMessage())
        .startsWith("sparse checkout dir 'deploy/staging' does not exist in repository");
    assertThat(missing.getArtifact()).isEqualTo(status.getArtifact());
  }

  @Test
  void recurseSubmodulesArchivesTheSubmoduleInPlace(TestCluster cluster) throws Exception {
    String ns = cluster.createNamespace("submodules");
    String libUrl = git.createRepository(ns + "-sublib");
    GitWorkingCopy lib = GitWorkingCopy.init(Files.createTempDirectory(temp, "sublib"));
    lib.write("deploy/service.yaml", "kind: Service\n");
    String libSha = lib.commitAll("lib");
    lib.push(libUrl);
    String url = git.createRepository(ns + "-super");
    GitWorkingCopy app = GitWorkingCopy.init(Files.createTempDirectory(temp, "super"));
    app.write(
        ".gitmodules",
        "[submodule \"lib\"]\n\tpath = vendor/lib\n\turl = ../" + ns + "-sublib.git\n");
    app.git("add", "-A");
    app.git("update-index", "--add", "--cacheinfo", "160000," + libSha + ",vendor/lib");
    app.git("commit", "-q", "-m", "with a submodule");
    app.push(url);
    apply(ns, "repo", url, "recurseSubmodules: true");

    GitRepositoryStatus status = reconcile(ns, "repo");

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(status.getObservedRecurseSubmodules()).isTrue();
    Path unpacked = Files.createTempDirectory(temp, "unpacked");
    store.extract(SourceArtifacts.toStore(status.getArtifact()), unpacked);
    assertThat(unpacked.resolve("vendor/lib/deploy/service.yaml")).hasContent("kind: Service\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "proxySecretRef: {name: proxy} | spec.proxySecretRef is not supported",
        "provider: github | spec.provider is not supported",
      })
  void fieldsThatWouldChangeTheArtifactStallInsteadOfBeingIgnored(
      String field, String message, TestCluster cluster) throws Exception {
    String ns = cluster.createNamespace("unsupported");
    apply(ns, "repo", git.createRepository(ns), field);

    ReconcileResult<GitRepositoryStatus> result =
        reconciler.reconcile(ns, "repo", Trigger.INTERVAL).orElseThrow();

    assertThat(result.requeue()).isFalse();
    assertThat(condition(result.status(), "Stalled").getReason()).isEqualTo("InvalidSpec");
    assertThat(condition(result.status(), "Ready").getMessage()).startsWith(message);
  }

  private static GitRepositoryStatus reconcile(String ns, String name) {
    ReconcileResult<GitRepositoryStatus> result =
        reconciler.reconcile(ns, name, Trigger.INTERVAL).orElseThrow();
    assertThat(result.requeueAfter()).hasMinutes(1);
    return client.resources(GitRepository.class).inNamespace(ns).withName(name).get().getStatus();
  }

  private static void apply(String ns, String name, String url, String extraSpec) {
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: GitRepository
        metadata: {name: %s, namespace: %s}
        spec:
          url: "%s"
          interval: 1m
          ref: {branch: main}
        %s
        """
            .formatted(name, ns, url, extraSpec.indent(2));
    client
        .resource(client.getKubernetesSerialization().unmarshal(yaml, GitRepository.class))
        .serverSideApply();
  }

  private static void keysSecret(String ns, Map<String, String> keys) {
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("pgp-keys")
                .endMetadata()
                .withStringData(keys)
                .build())
        .serverSideApply();
  }

  private static Condition condition(GitRepositoryStatus status, String type) {
    Optional<Condition> found =
        status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    assertThat(found).as("condition %s in %s", type, status.getConditions()).isPresent();
    return found.get();
  }
}

package dev.cairn.engine.source;

import static dev.cairn.engine.source.HelmChartReconcilerIT.condition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.Artifact;
import dev.cairn.api.source.OCIRepository;
import dev.cairn.api.source.OciLayerSelector;
import dev.cairn.api.source.OciRepositoryStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.Outcome;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.source.oci.OciArtifactFetcher;
import dev.cairn.source.oci.OciFetcherOptions;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import dev.cairn.testkit.registry.OciArtifactPusher;
import dev.cairn.testkit.registry.OciRegistry;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OCIRepository reconciler against Debian's docker-registry (one anonymous, one with htpasswd),
 * artifacts pushed as {@code flux push artifact} lays them out.
 */
@ExtendWith(ClusterExtension.class)
class OCIRepositoryReconcilerIT {
  private static final String USER = "robot";
  private static final String PASSWORD = "Registry-Pa55-Secret";

  private static Path temp;
  private static OciRegistry registry;
  private static OciRegistry locked;
  private static OciArtifactPusher pusher;
  private static KubernetesClient client;
  private static ArtifactStore store;
  private static StepReconciler<OCIRepository, OciRepositoryStatus, OciRepositoryRun> reconciler;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    temp = Files.createTempDirectory("engine-oci-it-");
    registry = OciRegistry.start(temp.resolve("registry"));
    locked = OciRegistry.startWithHtpasswd(temp.resolve("locked"), USER, PASSWORD);
    pusher = new OciArtifactPusher(registry.host());
    client = cluster.client();
    CairnCrdInstaller.install(client, List.of(OCIRepository.class));
    store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    reconciler =
        OCIRepositoryKind.reconciler(
            client,
            new OciArtifactFetcher(store, OciFetcherOptions.defaults()),
            new EventRecorder(client, "cairn", Clock.systemUTC()),
            SourceItSetup.ARTIFACT_BASE_URL,
            Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (locked != null) {
      locked.close();
    }
  }

  private static String push(String repository, String tag, String content) {
    return pusher.pushFluxArtifact(
        repository,
        tag,
        OciLayers.of(Map.of("app/config.yaml", content)),
        "https://github.com/example/app",
        "main@sha1:" + Integer.toHexString(content.hashCode()));
  }

  private static void apply(String ns, String name, String specYaml) {
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: OCIRepository
        metadata: {name: %s, namespace: %s}
        spec:
          interval: 5m
          insecure: true
        %s
        """
            .formatted(name, ns, specYaml.indent(2));
    client
        .resource(client.getKubernetesSerialization().unmarshal(yaml, OCIRepository.class))
        .serverSideApply();
  }

  private static ReconcileResult<OciRepositoryStatus> reconcile(String ns, String name) {
    return reconciler.reconcile(ns, name, Trigger.INTERVAL).orElseThrow();
  }

  private static OciRepositoryStatus live(String ns, String name) {
    return client.resources(OCIRepository.class).inNamespace(ns).withName(name).get().getStatus();
  }

  @Test
  void tagRefStoresTheArtifactAndANewPushMovesTheRevision(TestCluster cluster) throws Exception {
    String ns = cluster.createNamespace("ocitag");
    String first = push("apps/tagged", "stable", "v: 1\n");
    apply(
        ns,
        "app",
        "url: %s\nref: {tag: stable}\nignore: \"*.md\"".formatted(registry.ociUrl("apps/tagged")));

    ReconcileResult<OciRepositoryStatus> result = reconcile(ns, "app");

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    OciRepositoryStatus status = live(ns, "app");
    Artifact artifact = status.getArtifact();
    assertThat(artifact.revision()).isEqualTo("stable@" + first);
    assertThat(artifact.metadata())
        .containsEntry("org.opencontainers.image.source", "https://github.com/example/app");
    assertThat(status.getUrl()).isEqualTo(artifact.url());
    assertThat(status.getObservedIgnore()).isEqualTo("*.md");
    Condition ready = condition(status.getConditions(), "Ready");
    assertThat(ready.getStatus()).isEqualTo("True");
    assertThat(ready.getMessage()).isEqualTo("stored artifact for digest 'stable@" + first + "'");
    assertThat(condition(status.getConditions(), "ArtifactInStorage").getStatus())
        .isEqualTo("True");
    assertThat(store.current(new SourceKey("ocirepository", ns, "app")))
        .hasValueSatisfying(a -> assertThat(a.digest()).isEqualTo(artifact.digest()));

    String second = push("apps/tagged", "stable", "v: 2\n");
    reconcile(ns, "app");

    assertThat(live(ns, "app").getArtifact().revision()).isEqualTo("stable@" + second);
    List<Event> events = client.v1().events().inNamespace(ns).list().getItems();
    assertThat(events)
        .filteredOn(e -> "NewArtifact".equals(e.getReason()))
        .extracting(Event::getMessage)
        .anySatisfy(m -> assertThat(m).contains("stable@" + second));
  }

  @Test
  void semverAndDigestRefsAndTheLayerSelector(TestCluster cluster) {
    String ns = cluster.createNamespace("ocisemver");
    push("apps/versions", "1.0.0", "v: 1.0.0\n");
    String chosen = push("apps/versions", "1.4.2", "v: 1.4.2\n");
    push("apps/versions", "2.0.0", "v: 2.0.0\n");
    apply(
        ns,
        "semver",
        "url: %s\nref: {semver: \"~1.x\"}\nlayerSelector: {mediaType: %s, operation: copy}"
            .formatted(registry.ociUrl("apps/versions"), OciArtifactPusher.FLUX_CONTENT));
    apply(
        ns,
        "digest",
        "url: %s\nref: {digest: \"%s\", tag: \"2.0.0\"}"
            .formatted(registry.ociUrl("apps/versions"), chosen));

    reconcile(ns, "semver");
    reconcile(ns, "digest");

    OciRepositoryStatus semver = live(ns, "semver");
    assertThat(semver.getArtifact().revision()).isEqualTo("1.4.2@" + chosen);
    assertThat(semver.getObservedLayerSelector())
        .isEqualTo(
            new OciLayerSelector(
                OciArtifactPusher.FLUX_CONTENT, dev.cairn.api.source.OciLayerOperation.COPY));
    assertThat(live(ns, "digest").getArtifact().revision()).isEqualTo(chosen);
  }

  @Test
  void dockerConfigCredentialsPullAndAWrongPasswordNeverShows(TestCluster cluster) {
    String ns = cluster.createNamespace("ociauth");
    new OciArtifactPusher(locked.host(), USER, PASSWORD)
        .pushFluxArtifact(
            "private/app",
            "latest",
            OciLayers.of(Map.of("a.yaml", "x\n")),
            "https://example.com/private",
            "r1");
    dockerConfig(ns, PASSWORD);
    apply(
        ns,
        "private",
        "url: %s\nsecretRef: {name: registry}".formatted(locked.ociUrl("private/app")));

    assertThat(reconcile(ns, "private").outcome()).isEqualTo(Outcome.SUCCEEDED);
    Artifact good = live(ns, "private").getArtifact();
    assertThat(good.revision()).startsWith("latest@sha256:");

    String wrong = "Wr0ng-Registry-Pa55";
    dockerConfig(ns, wrong);
    reconcile(ns, "private");

    OciRepositoryStatus status = live(ns, "private");
    Condition ready = condition(status.getConditions(), "Ready");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("AuthenticationFailed");
    assertThat(condition(status.getConditions(), "FetchFailed").getStatus()).isEqualTo("True");
    assertThat(status.getArtifact()).isEqualTo(good);
    String everything =
        client.getKubernetesSerialization().asYaml(status)
            + client.v1().events().inNamespace(ns).list().getItems().stream()
                .map(Event::getMessage)
                .toList();
    assertThat(everything).contains("credentials refused").doesNotContain(wrong);
    assertThat(everything).doesNotContain(PASSWORD);
  }

  @Test
  void verifyAndCloudProvidersStallWithAClearMessage(TestCluster cluster) {
    String ns = cluster.createNamespace("ocistall");
    apply(
        ns, "verify", "url: %s\nverify: {provider: cosign}".formatted(registry.ociUrl("apps/any")));
    apply(ns, "aws", "url: %s\nprovider: aws".formatted(registry.ociUrl("apps/any")));
    apply(ns, "sa", "url: %s\nserviceAccountName: puller".formatted(registry.ociUrl("apps/any")));
    apply(ns, "proxy", "url: %s\nproxySecretRef: {name: p}".formatted(registry.ociUrl("apps/any")));
    apply(ns, "tagged", "url: %s".formatted(registry.ociUrl("apps/any:1.0.0")));

    assertThat(reconcile(ns, "verify").outcome()).isEqualTo(Outcome.STALLED);
    reconcile(ns, "aws");
    for (String name : List.of("sa", "proxy", "tagged")) {
      assertThat(reconcile(ns, name).outcome()).as(name).isEqualTo(Outcome.STALLED);
    }
    assertThat(condition(live(ns, "sa").getConditions(), "Ready").getMessage())
        .startsWith("spec.serviceAccountName is not supported by this version of Cairn");
    assertThat(condition(live(ns, "proxy").getConditions(), "Ready").getMessage())
        .startsWith("spec.proxySecretRef is not supported by this version of Cairn");
    Condition tagged = condition(live(ns, "tagged").getConditions(), "Ready");
    assertThat(tagged.getReason()).isEqualTo("URLInvalid");
    assertThat(tagged.getMessage()).contains("apps/any:1.0.0");

    Condition verify = condition(live(ns, "verify").getConditions(), "Ready");
    assertThat(verify.getReason()).isEqualTo("InvalidSpec");
    assertThat(verify.getMessage()).startsWith("spec.verify is not supported yet");
    assertThat(condition(live(ns, "aws").getConditions(), "Ready").getMessage())
        .startsWith("spec.provider is not supported by this version of Cairn")
        .contains("(got 'aws'; accepted: generic)");
  }

  private static void dockerConfig(String ns, String password) {
    String auth =
        Base64.getEncoder()
            .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    String json = "{\"auths\":{\"" + locked.host() + "\":{\"auth\":\"" + auth + "\"}}}";
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("registry")
                .withNamespace(ns)
                .endMetadata()
                .withType("kubernetes.io/dockerconfigjson")
                .withStringData(Map.of(".dockerconfigjson", json))
                .build())
        .serverSideApply();
  }
}

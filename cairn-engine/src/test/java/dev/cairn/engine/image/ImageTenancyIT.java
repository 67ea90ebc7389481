package dev.cairn.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ReconcileStatus;
import dev.cairn.api.image.ImagePolicy;
import dev.cairn.api.image.ImagePolicyStatus;
import dev.cairn.api.image.ImageRepository;
import dev.cairn.api.image.ImageUpdateAutomation;
import dev.cairn.api.image.ImageUpdateAutomationStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Tenancy;
import dev.cairn.engine.Trigger;
import dev.cairn.image.git.UpdateCommitter;
import dev.cairn.image.registry.TagStore;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flux's {@code --no-cross-namespace-refs} for the image kinds: an ImagePolicy naming an
 * ImageRepository of another namespace (even one whose {@code accessFrom} admits every namespace)
 * and an ImageUpdateAutomation naming a GitRepository of another namespace are refused with
 * AccessDenied and stall; references within the namespace still resolve.
 */
@ExtendWith(ClusterExtension.class)
class ImageTenancyIT {
  private static final Tenancy LOCKED = Tenancy.open().withNoCrossNamespaceRefs(true);
  private static KubernetesClient client;
  private static final TagStore TAGS = new TagStore();
  private static StepReconciler<ImagePolicy, ImagePolicyStatus, ImagePolicyRun> lockedPolicies;
  private static StepReconciler<ImagePolicy, ImagePolicyStatus, ImagePolicyRun> openPolicies;
  private static StepReconciler<
          ImageUpdateAutomation, ImageUpdateAutomationStatus, ImageUpdateAutomationRun>
      lockedAutomations;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    client = cluster.client();
    CairnCrdInstaller.install(
        client, List.of(ImageRepository.class, ImagePolicy.class, ImageUpdateAutomation.class));
    Clock clock = Clock.systemUTC();
    EventRecorder events = new EventRecorder(client, "cairn", clock);
    lockedPolicies = ImagePolicyKind.reconciler(client, TAGS, events, clock, LOCKED);
    openPolicies = ImagePolicyKind.reconciler(client, TAGS, events, clock);
    Path work = Files.createTempDirectory("image-tenancy");
    lockedAutomations =
        ImageUpdateAutomationKind.reconciler(
            client, new UpdateCommitter(work, clock), events, clock, LOCKED);
  }

  @AfterAll
  static void stop() {
    lockedPolicies.close();
    openPolicies.close();
    lockedAutomations.close();
  }

  @Test
  void aPolicyOnAnotherNamespacesRepositoryIsRefused(TestCluster cluster) {
    String shared = cluster.createNamespace("images-shared");
    createRepository(shared, "app", "accessFrom: {namespaceSelectors: [{matchLabels: {}}]}");
    String tenant = cluster.createNamespace("images-tenant");
    createPolicy(tenant, "app", "{name: app, namespace: " + shared + "}");

    lockedPolicies.reconcile(tenant, "app", Trigger.INTERVAL).orElseThrow();
    ImagePolicyStatus status = policy(tenant, "app").getStatus();

    Condition ready = condition(status, "Ready");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(ConditionReasons.ACCESS_DENIED);
    assertThat(ready.getMessage())
        .isEqualTo(
            "cannot access 'ImageRepository/"
                + shared
                + "/app', cross-namespace references have been blocked");
    assertThat(condition(status, "Stalled").getStatus()).isEqualTo("True");
    assertThat(status.getLatestRef()).isNull();

    openPolicies.reconcile(tenant, "app", Trigger.INTERVAL).orElseThrow();
    assertThat(policy(tenant, "app").getStatus().getLatestRef().tag()).isEqualTo("1.2.0");
  }

  @Test
  void aPolicyOnItsOwnNamespacesRepositoryResolves(TestCluster cluster) {
    String tenant = cluster.createNamespace("images-own");
    createRepository(tenant, "app", "");
    createPolicy(tenant, "app", "{name: app, namespace: " + tenant + "}");

    lockedPolicies.reconcile(tenant, "app", Trigger.INTERVAL).orElseThrow();
    ImagePolicyStatus status = policy(tenant, "app").getStatus();

    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(status.getLatestRef().tag()).isEqualTo("1.2.0");
  }

  @Test
  void anAutomationOfAnotherNamespacesRepositoryIsRefused(TestCluster cluster) {
    String tenant = cluster.createNamespace("automation-tenant");
    createAutomation(tenant, "{kind: GitRepository, name: fleet, namespace: platform}");

    lockedAutomations.reconcile(tenant, "bump", Trigger.INTERVAL).orElseThrow();
    ImageUpdateAutomationStatus status = automation(tenant).getStatus();

    Condition ready = condition(status, "Ready");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(ConditionReasons.ACCESS_DENIED);
    assertThat(ready.getMessage())
        .isEqualTo(
            "cannot access 'GitRepository/platform/fleet', cross-namespace references have been"
                + " blocked");
    assertThat(condition(status, "Stalled").getStatus()).isEqualTo("True");
  }

  @Test
  void anAutomationOfItsOwnNamespacesRepositoryGetsPastTheCheck(TestCluster cluster) {
    String tenant = cluster.createNamespace("automation-own");
    createAutomation(tenant, "{kind: GitRepository, name: fleet, namespace: " + tenant + "}");

    lockedAutomations.reconcile(tenant, "bump", Trigger.INTERVAL).orElseThrow();
    Condition ready = condition(automation(tenant).getStatus(), "Ready");

    assertThat(ready.getReason()).isEqualTo(ImageReasons.DEPENDENCY_NOT_READY);
    assertThat(ready.getMessage()).isEqualTo("GitRepository '" + tenant + "/fleet' not found");
  }

  private static void createRepository(String ns, String name, String extra) {
    create(
        ImageRepository.class,
        """
        metadata: {name: %s, namespace: %s}
        spec:
          image: registry.example.com/team/%s
          interval: 1h
          %s
        """
            .formatted(name, ns, name, extra));
    TAGS.put(ns, name, List.of("1.0.0", "1.2.0", "1.1.3"));
  }

  private static void createPolicy(String ns, String name, String repositoryRef) {
    create(
        ImagePolicy.class,
        """
        metadata: {name: %s, namespace: %s}
        spec:
          imageRepositoryRef: %s
          policy: {semver: {range: ">=1.0.0"}}
        """
            .formatted(name, ns, repositoryRef));
  }

  private static void createAutomation(String ns, String sourceRef) {
    create(
        ImageUpdateAutomation.class,
        """
        metadata: {name: bump, namespace: %s}
        spec:
          interval: 1h
          sourceRef: %s
          git:
            commit:
              author: {name: bot, email: bot@example.com}
        """
            .formatted(ns, sourceRef));
  }

  private static ImagePolicy policy(String ns, String name) {
    return client.resources(ImagePolicy.class).inNamespace(ns).withName(name).get();
  }

  private static ImageUpdateAutomation automation(String ns) {
    return client.resources(ImageUpdateAutomation.class).inNamespace(ns).withName("bump").get();
  }

  private static <T extends HasMetadata> void create(Class<T> type, String yaml) {
    T object = client.getKubernetesSerialization().unmarshal(yaml, type);
    client.resources(type).resource(object).create();
  }

  private static Condition condition(ReconcileStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " condition in " + status));
  }
}

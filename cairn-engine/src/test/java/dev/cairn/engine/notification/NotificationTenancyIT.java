package dev.cairn.engine.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ReconcileStatus;
import dev.cairn.api.notification.Alert;
import dev.cairn.api.notification.NotificationStatus;
import dev.cairn.api.notification.Provider;
import dev.cairn.api.notification.Receiver;
import dev.cairn.api.notification.ReceiverStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Tenancy;
import dev.cairn.engine.Trigger;
import dev.cairn.notify.AlertRule;
import dev.cairn.notify.RouteSource;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flux's {@code --no-cross-namespace-refs} for the notification kinds: an Alert with an event
 * source in another namespace, or a Receiver with a resource in another namespace, is refused with
 * AccessDenied and stalls, and the refused Alert gets no events; references within the namespace
 * still work, and without the lockdown the same objects are Ready.
 */
@ExtendWith(ClusterExtension.class)
class NotificationTenancyIT {
  private static KubernetesClient client;
  private static StepReconciler<
          Alert, NotificationStatus, NotificationRun<Alert, NotificationStatus>>
      lockedAlerts;
  private static StepReconciler<
          Alert, NotificationStatus, NotificationRun<Alert, NotificationStatus>>
      openAlerts;
  private static StepReconciler<Receiver, ReceiverStatus, NotificationRun<Receiver, ReceiverStatus>>
      lockedReceivers;
  private static final Tenancy LOCKED = Tenancy.open().withNoCrossNamespaceRefs(true);

  @BeforeAll
  static void start(TestCluster cluster) {
    client = cluster.client();
    CairnCrdInstaller.install(client, List.of(Alert.class, Provider.class, Receiver.class));
    Clock clock = Clock.systemUTC();
    EventRecorder events = new EventRecorder(client, "cairn", clock);
    lockedAlerts = AlertKind.reconciler(client, events, clock, LOCKED);
    openAlerts = AlertKind.reconciler(client, events, clock);
    lockedReceivers = ReceiverKind.reconciler(client, events, clock, LOCKED);
  }

  @AfterAll
  static void stop() {
    lockedAlerts.close();
    openAlerts.close();
    lockedReceivers.close();
  }

  @Test
  void anAlertOnAnotherNamespacesObjectsIsRefusedAndSendsNothing(TestCluster cluster) {
    String tenant = cluster.createNamespace("alert-tenant");
    createProvider(tenant);
    create(
        Alert.class,
        alertYaml(
            tenant,
            "spy",
            """
            - kind: Kustomization
              name: apps
            - kind: Kustomization
              name: '*'
              namespace: platform
            """));

    lockedAlerts.reconcile(tenant, "spy", Trigger.INTERVAL).orElseThrow();
    Alert alert = client.resources(Alert.class).inNamespace(tenant).withName("spy").get();

    Condition ready = condition(alert.getStatus(), "Ready");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(ConditionReasons.ACCESS_DENIED);
    assertThat(ready.getMessage())
        .isEqualTo(
            "cannot access 'Kustomization/platform/*', cross-namespace references have been"
                + " blocked");
    assertThat(condition(alert.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    RouteSource routes = new ClusterRoutes(client);
    assertThat(ids(routes.alerts())).contains(tenant + "/spy");
    assertThat(ids(TenantRoutes.of(routes, LOCKED).alerts())).doesNotContain(tenant + "/spy");

    openAlerts.reconcile(tenant, "spy", Trigger.INTERVAL).orElseThrow();
    alert = client.resources(Alert.class).inNamespace(tenant).withName("spy").get();
    assertThat(condition(alert.getStatus(), "Ready").getStatus()).isEqualTo("True");
  }

  @Test
  void anAlertOnItsOwnNamespaceStillSends(TestCluster cluster) {
    String tenant = cluster.createNamespace("alert-own");
    createProvider(tenant);
    create(
        Alert.class,
        alertYaml(
            tenant,
            "own",
            """
            - kind: Kustomization
              name: '*'
            - kind: HelmRelease
              name: web
              namespace: %s
            """
                .formatted(tenant)));

    lockedAlerts.reconcile(tenant, "own", Trigger.INTERVAL).orElseThrow();
    Alert alert = client.resources(Alert.class).inNamespace(tenant).withName("own").get();

    assertThat(condition(alert.getStatus(), "Ready").getStatus()).isEqualTo("True");
    assertThat(ids(TenantRoutes.of(new ClusterRoutes(client), LOCKED).alerts()))
        .contains(tenant + "/own");
  }

  @Test
  void aReceiverOfAnotherNamespacesSourceIsRefused(TestCluster cluster) {
    String tenant = cluster.createNamespace("receiver-tenant");
    createToken(tenant);
    create(Receiver.class, receiverYaml(tenant, "hook", "name: shared\n    namespace: platform"));

    lockedReceivers.reconcile(tenant, "hook", Trigger.INTERVAL).orElseThrow();
    Receiver receiver = client.resources(Receiver.class).inNamespace(tenant).withName("hook").get();

    Condition ready = condition(receiver.getStatus(), "Ready");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(ConditionReasons.ACCESS_DENIED);
    assertThat(ready.getMessage())
        .isEqualTo(
            "cannot access 'GitRepository/platform/shared', cross-namespace references have"
                + " been blocked");
    assertThat(condition(receiver.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    assertThat(receiver.getStatus().getWebhookPath()).isNull();
  }

  @Test
  void aReceiverOfItsOwnNamespacesSourceIsReady(TestCluster cluster) {
    String tenant = cluster.createNamespace("receiver-own");
    createToken(tenant);
    create(Receiver.class, receiverYaml(tenant, "hook", "name: apps\n    namespace: " + tenant));

    lockedReceivers.reconcile(tenant, "hook", Trigger.INTERVAL).orElseThrow();
    Receiver receiver = client.resources(Receiver.class).inNamespace(tenant).withName("hook").get();

    assertThat(condition(receiver.getStatus(), "Ready").getStatus()).isEqualTo("True");
    assertThat(receiver.getStatus().getWebhookPath()).startsWith("/hook/");
  }

  private static String alertYaml(String ns, String name, String sources) {
    return """
        metadata: {name: %s, namespace: %s}
        spec:
          providerRef: {name: chat}
          eventSources:
        %s"""
        .formatted(name, ns, sources.indent(4));
  }

  private static String receiverYaml(String ns, String name, String resource) {
    return """
        metadata: {name: %s, namespace: %s}
        spec:
          type: generic
          secretRef: {name: token}
          resources:
          - kind: GitRepository
            %s
        """
        .formatted(name, ns, resource);
  }

  private static void createProvider(String ns) {
    create(
        Provider.class,
        """
        metadata: {name: chat, namespace: %s}
        spec: {type: generic, address: "http://chat.invalid/hook"}
        """
            .formatted(ns));
  }

  private static void createToken(String ns) {
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("token")
                .endMetadata()
                .withStringData(Map.of("token", "tenant-webhook-token"))
                .build())
        .create();
  }

  private static <T extends HasMetadata> void create(Class<T> type, String yaml) {
    T object = client.getKubernetesSerialization().unmarshal(yaml, type);
    client.resources(type).resource(object).create();
  }

  private static List<String> ids(List<AlertRule> alerts) {
    return alerts.stream().map(AlertRule::id).toList();
  }

  private static Condition condition(ReconcileStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " condition in " + status));
  }
}

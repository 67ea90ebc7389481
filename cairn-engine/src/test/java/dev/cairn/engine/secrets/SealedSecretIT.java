package dev.cairn.engine.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.ConditionTypes;
import dev.cairn.api.Conditions;
import dev.cairn.api.sealed.SealedSecret;
import dev.cairn.api.sealed.SealedSecretStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.Outcome;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.secrets.sealed.SealingKeyGenerator;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SealedSecrets sealed by an independent implementation (Python) for the committed test key open
 * into Secrets; a value that does not open names the data key and the SealedSecret, and neither its
 * ciphertext nor any plaintext reaches the status, an event or a log line.
 */
@ExtendWith(ClusterExtension.class)
class SealedSecretIT {
  private static KubernetesClient client;
  private static StepReconciler<SealedSecret, SealedSecretStatus, SealedSecretRun> reconciler;

  @BeforeAll
  static void start(TestCluster cluster) {
    client = cluster.client();
    CairnCrdInstaller.installAll(client);
    String keys = cluster.createNamespace("keys");
    SealingKeyring keyring =
        new SealingKeyring(client, keys, SealingKeyGenerator.defaults(), Clock.systemUTC());
    keyring.add(PythonSealed.key());
    ensureNamespace("team-a");
    reconciler =
        SealedSecretKind.reconciler(
            client,
            keyring,
            new EventRecorder(client, "cairn", Clock.systemUTC()),
            Clock.systemUTC());
  }

  @Test
  void opensAStrictValueIntoAnOwnedSecret() {
    PythonSealed.Vector v = PythonSealed.vector("team-a", "db-credentials");
    SealedSecret sealed =
        create(
            v.namespace(),
            v.name(),
            "{}",
            "{config: %s}".formatted(v.sealed()),
            "{type: Opaque, metadata: {labels: {app: db}}}");

    ReconcileResult<SealedSecretStatus> result = reconcile(sealed);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    Secret secret = secret(v.namespace(), v.name());
    assertThat(secret.getData()).containsExactly(Map.entry("config", v.plaintextBase64()));
    assertThat(secret.getType()).isEqualTo("Opaque");
    assertThat(secret.getMetadata().getLabels()).containsEntry("app", "db");
    assertThat(secret.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getKind()).isEqualTo("SealedSecret");
              assertThat(o.getUid()).isEqualTo(sealed.getMetadata().getUid());
              assertThat(o.getController()).isTrue();
            });
    SealedSecretStatus status = status(v.namespace(), v.name());
    assertThat(synced(status).getStatus()).isEqualTo("True");
    assertThat(status.getObservedGeneration()).isEqualTo(sealed.getMetadata().getGeneration());
  }

  @Test
  void opensAClusterWideValueAnywhereWithoutOwnerWhenTheTemplateSaysSo(TestCluster cluster) {
    PythonSealed.Vector v = PythonSealed.vector("anywhere", "any");
    String ns = cluster.createNamespace("wide");
    SealedSecret sealed =
        create(
            ns,
            "shared",
            "{sealedsecrets.bitnami.com/cluster-wide: \"true\"}",
            "{token: %s}".formatted(v.sealed()),
            "{metadata: {annotations: {sealedsecrets.bitnami.com/skip-set-owner-references:"
                + " \"true\"}}}");

    assertThat(reconcile(sealed).outcome()).isEqualTo(Outcome.SUCCEEDED);

    Secret secret = secret(ns, "shared");
    assertThat(secret.getData()).containsEntry("token", v.plaintextBase64());
    assertThat(secret.getMetadata().getOwnerReferences()).isNullOrEmpty();
  }

  @Test
  void aValueSealedForAnotherNameFailsNamingTheKeyWithoutLeaking(TestCluster cluster) {
    PythonSealed.Vector v = PythonSealed.vector("team-a", "db-credentials");
    String plaintext =
        new String(Base64.getDecoder().decode(v.plaintextBase64()), StandardCharsets.UTF_8);
    SealedSecret sealed =
        create("team-a", "moved", "{}", "{password: %s}".formatted(v.sealed()), "{}");

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream err = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    ReconcileResult<SealedSecretStatus> result;
    try {
      result = reconcile(sealed);
    } finally {
      System.setErr(err);
    }

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(secret("team-a", "moved")).isNull();
    Condition synced = synced(status("team-a", "moved"));
    assertThat(synced.getStatus()).isEqualTo("False");
    assertThat(synced.getReason()).isEqualTo("ErrUnsealFailed");
    assertThat(synced.getMessage()).contains("SealedSecret team-a/moved", "password");
    String events =
        client.v1().events().inNamespace("team-a").list().getItems().stream()
            .filter(e -> "moved".equals(e.getInvolvedObject().getName()))
            .map(Event::getMessage)
            .collect(Collectors.joining("\n"));
    assertThat(events).contains("password");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("team-a/moved", "password");
    String statusText = client.getKubernetesSerialization().asJson(status("team-a", "moved"));
    for (String leaked : new String[] {statusText, events, log.toString(StandardCharsets.UTF_8)}) {
      assertThat(leaked)
          .doesNotContain(v.sealed().substring(0, 40))
          .doesNotContain("s3cr3t")
          .doesNotContain(plaintext.strip())
          .doesNotContain(v.plaintextBase64());
    }
  }

  @Test
  void leavesAForeignSecretAloneUnlessItIsMarkedManaged(TestCluster cluster) {
    PythonSealed.Vector v = PythonSealed.vector("anywhere", "any");
    String ns = cluster.createNamespace("foreign");
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("taken")
                .endMetadata()
                .withStringData(Map.of("token", "mine"))
                .build())
        .create();
    String wide = "{sealedsecrets.bitnami.com/cluster-wide: \"true\"}";
    SealedSecret sealed = create(ns, "taken", wide, "{token: %s}".formatted(v.sealed()), "{}");

    assertThat(reconcile(sealed).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(synced(status(ns, "taken")).getMessage())
        .isEqualTo(
            "Resource \"taken\" already exists and is not managed by SealedSecret "
                + ns
                + "/taken");
    assertThat(secret(ns, "taken").getData().get("token")).isNotEqualTo(v.plaintextBase64());

    client
        .secrets()
        .inNamespace(ns)
        .withName("taken")
        .edit(
            s -> {
              s.getMetadata().setAnnotations(Map.of("sealedsecrets.bitnami.com/managed", "true"));
              return s;
            });
    assertThat(
            reconcile(client.resources(SealedSecret.class).inNamespace(ns).withName("taken").get())
                .outcome())
        .isEqualTo(Outcome.SUCCEEDED);
    assertThat(secret(ns, "taken").getData()).containsEntry("token", v.plaintextBase64());
    assertThat(synced(status(ns, "taken")).getStatus()).isEqualTo("True");
  }

  private static void ensureNamespace(String name) {
    if (client.namespaces().withName(name).get() == null) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    }
  }

  private static SealedSecret create(
      String ns, String name, String annotations, String encryptedData, String template) {
    String yaml =
        """
        apiVersion: bitnami.com/v1alpha1
        kind: SealedSecret
        metadata: {name: %s, namespace: %s, annotations: %s}
        spec:
          encryptedData: %s
          template: %s
        """
            .formatted(name, ns, annotations, encryptedData, template);
    return client
        .resource(client.getKubernetesSerialization().unmarshal(yaml, SealedSecret.class))
        .create();
  }

  private static ReconcileResult<SealedSecretStatus> reconcile(SealedSecret object) {
    return reconciler.reconcile(object, Trigger.WATCH);
  }

  private static Secret secret(String ns, String name) {
    return client.secrets().inNamespace(ns).withName(name).get();
  }

  private static SealedSecretStatus status(String ns, String name) {
    return client.resources(SealedSecret.class).inNamespace(ns).withName(name).get().getStatus();
  }

  private static Condition synced(SealedSecretStatus status) {
    return Conditions.find(status, ConditionTypes.SYNCED).orElseThrow();
  }
}

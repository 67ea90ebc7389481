package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.sealed.SealedSecret;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cluster that already runs Bitnami's controller keeps its SealedSecrets: Cairn finds it by its
 * Deployment or by a SealedSecret CRD that is not Cairn's, warns, and registers no SealedSecret
 * controller (no key is made).
 */
@ExtendWith(ClusterExtension.class)
class UpstreamSealedSecretsIT {

  @Test
  void findsTheUpstreamControllerByItsDeploymentOrAForeignCrd(TestCluster cluster)
      throws Exception {
    KubernetesClient client = cluster.client();
    GitOpsFixture.installCrds(client);
    assertThat(UpstreamSealedSecrets.find(client)).isEmpty();

    String system = cluster.createNamespace("system");
    Deployment deployment = client.resource(deployment(system)).create();
    assertThat(UpstreamSealedSecrets.find(client))
        .contains("Deployment " + system + "/sealed-secrets-controller");
    client.resource(deployment).delete();
    await().until(() -> UpstreamSealedSecrets.find(client).isEmpty());

    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(SealedSecret.CRD_NAME)
        .edit(
            crd -> {
              Map<String, String> labels = new HashMap<>(crd.getMetadata().getLabels());
              labels.remove(SealedSecret.MANAGED_BY_LABEL);
              crd.getMetadata().setLabels(labels);
              return crd;
            });
    try {
      assertThat(UpstreamSealedSecrets.find(client))
          .hasValueSatisfying(
              found -> assertThat(found).startsWith("CustomResourceDefinition sealedsecrets"));
    } finally {
      GitOpsFixture.installCrds(client);
    }
  }

  @Test
  void leavesSealedSecretsAloneWithAWarning(TestCluster cluster) throws Exception {
    KubernetesClient client = cluster.client();
    String system = cluster.createNamespace("kube");
    String keys = cluster.createNamespace("keys");
    Deployment deployment = client.resource(deployment(system)).create();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream err = System.err;
    try (GitOpsFixture fixture = GitOpsFixture.start(cluster)) {
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      try (CairnRuntime runtime =
          new CairnRuntime(
              client,
              fixture.options("upstream"),
              SealingOptions.defaults().withKeyNamespace(keys))) {
        System.setErr(err);
        runtime.start();
        await().atMost(Duration.ofSeconds(60)).until(runtime::isReady);
        assertThat(runtime.sealingCertificate()).isEmpty();
        assertThat(client.secrets().inNamespace(keys).list().getItems()).isEmpty();
      }
    } finally {
      System.setErr(err);
      client.resource(deployment).delete();
    }
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains(
            "the sealed-secrets controller already runs in this cluster (Deployment "
                + system
                + "/sealed-secrets-controller): Cairn leaves SealedSecrets to it");
  }

  private static Deployment deployment(String namespace) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("sealed-secrets-controller")
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .addToMatchLabels("app", "sealed-secrets")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "sealed-secrets")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("controller")
        .withImage("bitnami/sealed-secrets-controller")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}

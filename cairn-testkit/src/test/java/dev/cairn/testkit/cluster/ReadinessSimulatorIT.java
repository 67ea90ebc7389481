package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.sim.cluster.ReadinessSimulator;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClusterExtension.class)
class ReadinessSimulatorIT {
  private KubernetesClient client;
  private ReadinessSimulator readiness;
  private String ns;

  @BeforeEach
  void namespace(TestCluster cluster) {
    readiness = cluster.readiness();
    client = cluster.client();
    ns = cluster.createNamespace("ready");
  }

  private static String condition(Deployment d, String type) {
    if (d == null || d.getStatus() == null) {
      return null;
    }
    return d.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .map(c -> c.getStatus() + "/" + c.getReason())
        .findFirst()
        .orElse(null);
  }

  private Deployment deployment(String name) {
    return client.apps().deployments().inNamespace(ns).withName(name).get();
  }

  @Test
  void deploymentBecomesReadyAndFollowsNewGenerations() {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(ServerSideApplyIT.deployment("web", "app", "nginx:1"))
        .create();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Deployment d = deployment("web");
              assertThat(d.getStatus().getObservedGeneration()).isEqualTo(1L);
              assertThat(d.getStatus().getReadyReplicas()).isEqualTo(2);
              assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(2);
              assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(2);
              assertThat(condition(d, "Available")).isEqualTo("True/MinimumReplicasAvailable");
              assertThat(condition(d, "Progressing")).isEqualTo("True/NewReplicaSetAvailable");
            });
    assertThat(deployment("web").getMetadata().getManagedFields())
        .anyMatch(
            e ->
                e.getManager().equals("kube-controller-manager")
                    && "status".equals(e.getSubresource()));

    client.apps().deployments().inNamespace(ns).withName("web").scale(5);

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Deployment d = deployment("web");
              assertThat(d.getMetadata().getGeneration()).isEqualTo(2L);
              assertThat(d.getStatus().getObservedGeneration()).isEqualTo(2L);
              assertThat(d.getStatus().getReadyReplicas()).isEqualTo(5);
            });
  }

  @Test
  void keepFailingMakesADeploymentMissItsProgressDeadline() {
    readiness.keepFailing("Deployment", ns, "broken");

    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(ServerSideApplyIT.deployment("broken", "app", "nginx:1"))
        .create();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Deployment d = deployment("broken");
              assertThat(condition(d, "Progressing")).isEqualTo("False/ProgressDeadlineExceeded");
              assertThat(condition(d, "Available")).isEqualTo("False/MinimumReplicasUnavailable");
              assertThat(d.getStatus().getReadyReplicas()).isNull();
            });

    readiness.stopFailing("Deployment", ns, "broken");

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(condition(deployment("broken"), "Available"))
                    .isEqualTo("True/MinimumReplicasAvailable"));
  }

  @Test
  void anImageRuleFailsEveryWorkloadRunningTheImage() {
    readiness.failImages("example/broken:.*", null);
    try {
      client
          .apps()
          .deployments()
          .inNamespace(ns)
          .resource(ServerSideApplyIT.deployment("bad", "app", "example/broken:2"))
          .create();
      client
          .apps()
          .deployments()
          .inNamespace(ns)
          .resource(ServerSideApplyIT.deployment("good", "app", "example/fine:2"))
          .create();

      await()
          .ignoreExceptions()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                assertThat(condition(deployment("bad"), "Progressing"))
                    .isEqualTo("False/ProgressDeadlineExceeded");
                assertThat(condition(deployment("good"), "Available"))
                    .isEqualTo("True/MinimumReplicasAvailable");
              });
    } finally {
      readiness.clearImageRules();
    }
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(condition(deployment("bad"), "Available"))
                    .isEqualTo("True/MinimumReplicasAvailable"));
  }

  @Test
  void theReadinessAnnotationKeepsADeploymentProgressingWithoutFailing() {
    Deployment pending = ServerSideApplyIT.deployment("pending", "app", "nginx:1");
    pending
        .getMetadata()
        .setAnnotations(java.util.Map.of(ReadinessSimulator.ANNOTATION, "progressing"));
    client.apps().deployments().inNamespace(ns).resource(pending).create();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Deployment d = deployment("pending");
              assertThat(d.getStatus().getObservedGeneration()).isEqualTo(1L);
              assertThat(condition(d, "Progressing")).isEqualTo("True/ReplicaSetUpdated");
              assertThat(condition(d, "Available")).isEqualTo("False/MinimumReplicasUnavailable");
              assertThat(d.getStatus().getReadyReplicas()).isNull();
              assertThat(d.getStatus().getUnavailableReplicas()).isEqualTo(2);
            });
  }

  private Job job(String name) {
    return new JobBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNewTemplate()
        .withNewSpec()
        .withRestartPolicy("Never")
        .addNewContainer()
        .withName("run")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private String jobCondition(String name, String type) {
    Job job = client.batch().v1().jobs().inNamespace(ns).withName(name).get();
    if (job.getStatus() == null) {
      return null;
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .map(JobCondition::getStatus)
        .findFirst()
        .orElse(null);
  }

  @Test
  void jobsCompleteOrFail() {
    readiness.keepFailing("Job", ns, "bad");

    client.batch().v1().jobs().inNamespace(ns).resource(job("good")).create();
    client.batch().v1().jobs().inNamespace(ns).resource(job("bad")).create();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(jobCondition("good", "Complete")).isEqualTo("True");
              assertThat(
                      client
                          .batch()
                          .v1()
                          .jobs()
                          .inNamespace(ns)
                          .withName("good")
                          .get()
                          .getStatus()
                          .getSucceeded())
                  .isEqualTo(1);
              assertThat(jobCondition("bad", "Failed")).isEqualTo("True");
              assertThat(jobCondition("bad", "Complete")).isNull();
            });
  }

  @Test
  void statefulSetsAndDaemonSetsBecomeReady() {
    client
        .apps()
        .statefulSets()
        .inNamespace(ns)
        .resource(
            new StatefulSetBuilder()
                .withNewMetadata()
                .withName("db")
                .endMetadata()
                .withNewSpec()
                .withReplicas(3)
                .withServiceName("db")
                .withNewSelector()
                .addToMatchLabels("app", "db")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "db")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("db")
                .withImage("postgres")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    client
        .apps()
        .daemonSets()
        .inNamespace(ns)
        .resource(
            new DaemonSetBuilder()
                .withNewMetadata()
                .withName("agent")
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("app", "agent")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "agent")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("agent")
                .withImage("agent")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              var sts =
                  client.apps().statefulSets().inNamespace(ns).withName("db").get().getStatus();
              assertThat(sts.getReadyReplicas()).isEqualTo(3);
              assertThat(sts.getObservedGeneration()).isEqualTo(1L);
              assertThat(sts.getCurrentRevision()).isNotBlank().isEqualTo(sts.getUpdateRevision());
              var ds =
                  client.apps().daemonSets().inNamespace(ns).withName("agent").get().getStatus();
              assertThat(ds.getNumberReady())
                  .isEqualTo(ds.getDesiredNumberScheduled())
                  .isPositive();
              assertThat(ds.getObservedGeneration()).isEqualTo(1L);
            });
  }
}

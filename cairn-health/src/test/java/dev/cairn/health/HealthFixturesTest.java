package dev.cairn.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthFixturesTest {

  private final HealthChecks checks = HealthChecks.defaults();

  @ParameterizedTest(name = "{0} is {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          deployment-current                    | CURRENT     | Deployment is available: 3 of 3 replicas
          deployment-progressing                | IN_PROGRESS | 2 of 3 replicas available
          deployment-progress-deadline-exceeded | FAILED      | Progress deadline exceeded: ReplicaSet "web-6c9d7f" has timed out progressing.
          deployment-old-generation             | IN_PROGRESS | Deployment generation 3 not yet observed by its controller (observed 2)
          deployment-scaling-up                 | IN_PROGRESS | 3 of 5 replicas created
          deployment-old-replicas               | IN_PROGRESS | 1 old replicas pending termination
          deployment-no-status                  | IN_PROGRESS | 0 of 2 replicas created
          deployment-not-available              | IN_PROGRESS | Deployment does not have minimum availability
          deployment-terminating                | TERMINATING | Deployment is being deleted (since 2026-11-23T09:00:00Z)
          statefulset-current                   | CURRENT     | StatefulSet is ready: 3 of 3 replicas
          statefulset-rolling                   | IN_PROGRESS | rolling out revision db-84f6c2 (1 of 3 replicas updated)
          statefulset-not-ready                 | IN_PROGRESS | 1 of 3 replicas ready
          statefulset-partitioned               | CURRENT     | partitioned rollout complete: 1 replicas updated
          statefulset-ondelete                  | CURRENT     | OnDelete update strategy
          daemonset-current                     | CURRENT     | DaemonSet is ready: 4 of 4 pods
          daemonset-updating                    | IN_PROGRESS | 2 of 4 pods updated
          daemonset-no-status                   | IN_PROGRESS | not yet reported
          replicaset-current                    | CURRENT     | ReplicaSet is available: 2 of 2 replicas
          replicaset-quota-failure              | IN_PROGRESS | cannot create replicas: FailedCreate: pods "web-5d4f8c7b9-x2x7k" is forbidden: exceeded quota
          pod-running                           | CURRENT     | Pod is running and ready
          pod-crashloop                         | FAILED      | containers in CrashLoopBackOff: app (CrashLoopBackOff)
          pod-pending-unschedulable             | IN_PROGRESS | Pod is not scheduled: Unschedulable: 0/3 nodes are available: 3 Insufficient memory.
          pod-image-pull                        | IN_PROGRESS | containers waiting: app (ImagePullBackOff)
          pod-succeeded                         | CURRENT     | Pod completed successfully
          pod-failed                            | FAILED      | Pod failed: Evicted: The node was low on resource: memory.
          job-complete                          | CURRENT     | Job completed: 1 of 1 succeeded
          job-failed                            | FAILED      | Job failed: BackoffLimitExceeded: Job has reached the specified backoff limit
          job-running                           | IN_PROGRESS | Job in progress: 2 active, 1 of 3 succeeded, 1 failed
          job-suspended                         | IN_PROGRESS | Job is suspended (spec.suspend is true)
          job-not-started                       | IN_PROGRESS | Job has not started
          cronjob-current                       | CURRENT     | CronJob is scheduled (0 3 * * *), last run 2026-11-23T03:00:00Z
          cronjob-suspended                     | CURRENT     | CronJob is suspended
          pvc-pending                           | IN_PROGRESS | PVC is not Bound (phase Pending)
          pvc-bound                             | CURRENT     | PVC is Bound
          pvc-lost                              | FAILED      | PVC lost its PersistentVolume
          service-lb-pending                    | IN_PROGRESS | waiting for the load balancer to report an ingress IP or hostname
          service-lb-ready                      | CURRENT     | load balancer ready at 203.0.113.10
          service-lb-hostname                   | CURRENT     | load balancer ready at lb-1234.elb.example.com
          service-clusterip                     | CURRENT     | Service is ready (type ClusterIP)
          crd-established                       | CURRENT     | CRD is established
          crd-names-conflict                    | FAILED      | CRD names not accepted: MultipleNameConflicts: "widgets" is already in use
          crd-installing                        | IN_PROGRESS | CRD is being installed
          pdb-current                           | CURRENT     | budget met: 3 of 2 required pods healthy
          pdb-budget-not-met                    | IN_PROGRESS | budget not met: 1 of 2 required pods healthy
          namespace-active                      | CURRENT     | Namespace is Active
          namespace-terminating                 | TERMINATING | Namespace is being deleted
          namespace-phase-terminating           | TERMINATING | Namespace is terminating
          custom-ready-true                     | CURRENT     | Ready: Applied revision: main@sha1:4f2a9c1
          custom-ready-false                    | FAILED      | not Ready: BuildFailed: kustomize build failed
          custom-ready-false-dependency         | IN_PROGRESS | not Ready: DependencyNotReady: dependency 'cairn-system/infra' is not ready
          custom-ready-unknown                  | IN_PROGRESS | Ready is Unknown: Progressing: reconciliation in progress
          custom-reconciling                    | IN_PROGRESS | reconciling: Progressing: Building manifests for revision main@sha1:4f2a9c1
          custom-stalled                        | FAILED      | stalled: InvalidPath: path ./apps does not exist in the artifact
          custom-old-generation                 | IN_PROGRESS | Kustomization generation 5 not yet observed by its controller (observed 4)
          custom-conditions-without-ready       | IN_PROGRESS | waiting for its controller to report Ready
          helmrelease-no-status                 | IN_PROGRESS | waiting for its controller to report Ready
          custom-no-status                      | CURRENT     | no status reported
          configmap                             | CURRENT     | no status reported
          """)
  void fixtureHasExpectedHealth(String fixture, HealthStatus expected, String messageFragment) {
    Health health = checks.check(Fixtures.load(fixture));

    assertThat(health.status()).as("status of %s (%s)", fixture, health).isEqualTo(expected);
    assertThat(health.message()).contains(messageFragment);
  }

  @Test
  void everyFixtureIsListedInTheTable() throws IOException {
    Path dir = Path.of("src/test/resources/health");
    String source =
        Files.readString(Path.of("src/test/java/dev/cairn/health/HealthFixturesTest.java"));
    List<String> unlisted;
    try (Stream<Path> files = Files.list(dir)) {
      unlisted =
          files
              .map(p -> p.getFileName().toString().replace(".yaml", ""))
              .filter(
                  name ->
                      !Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "\\s*\\|")
                          .matcher(source)
                          .find())
              .collect(Collectors.toList());
    }
    assertThat(unlisted).isEmpty();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.count()).isGreaterThanOrEqualTo(35);
    }
  }
}

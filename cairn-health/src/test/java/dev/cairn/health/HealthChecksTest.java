package dev.cairn.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HealthChecksTest {

  private static KubeObject object(String yaml) {
    return YamlReader.defaults().readObjects("inline.yaml", yaml).get(0);
  }

  @Test
  void aRegisteredCheckReplacesTheBuiltInOneForItsKind() {
    HealthChecks checks =
        HealthChecks.defaults().withCheck("", "PersistentVolumeClaim", o -> Health.current("ok"));

    assertThat(checks.check(Fixtures.load("pvc-pending"))).isEqualTo(Health.current("ok"));
    assertThat(HealthChecks.defaults().check(Fixtures.load("pvc-pending")).status())
        .as("defaults are not changed by withCheck")
        .isEqualTo(HealthStatus.IN_PROGRESS);
  }

  @Test
  void aCheckThatThrowsGivesUnknownInsteadOfStoppingTheWait() {
    HealthChecks checks =
        HealthChecks.defaults()
            .withCheck(
                "",
                "ConfigMap",
                o -> {
                  throw new IllegalStateException("boom");
                });

    Health health = checks.check(Fixtures.load("configmap"));

    assertThat(health.status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(health.message()).contains("ConfigMap").contains("boom");
  }

  @Test
  void stalledAndReconcilingConditionsApplyToBuiltInKindsToo() {
    KubeObject stalledPvc =
        object(
            """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data
            status:
              phase: Bound
              conditions:
                - type: Stalled
                  status: "True"
                  reason: ResizeFailed
                  message: volume resize failed
            """);

    assertThat(HealthChecks.defaults().check(stalledPvc))
        .isEqualTo(Health.failed("stalled: ResizeFailed: volume resize failed"));
  }

  @ParameterizedTest(name = "{0} with a malformed status")
  @ValueSource(
      strings = {
        "apps/v1 Deployment",
        "apps/v1 StatefulSet",
        "apps/v1 DaemonSet",
        "apps/v1 ReplicaSet",
        "v1 Pod",
        "batch/v1 Job",
        "batch/v1 CronJob",
        "v1 PersistentVolumeClaim",
        "v1 Service",
        "v1 Namespace",
        "policy/v1 PodDisruptionBudget",
        "apiextensions.k8s.io/v1 CustomResourceDefinition",
        "example.com/v1 Widget"
      })
  void malformedStatusIsReadWithDefaultsNotExceptions(String type) {
    String[] parts = type.split(" ");
    String header = "apiVersion: " + parts[0] + "\nkind: " + parts[1] + "\nmetadata:\n  name: x\n";
    KubeObject scalarStatus = object(header + "status: broken\n");
    KubeObject oddFields =
        object(
            header
                + "spec:\n  replicas: lots\n  type: 7\nstatus:\n  conditions: 5\n  replicas: many\n"
                + "  phase: [1, 2]\n  containerStatuses: {a: b}\n");

    assertThat(HealthChecks.defaults().check(scalarStatus).status())
        .isNotEqualTo(HealthStatus.UNKNOWN);
    assertThat(HealthChecks.defaults().check(oddFields).status())
        .isNotEqualTo(HealthStatus.UNKNOWN);
  }

  @ParameterizedTest(name = "Ready=False with reason {0} is {1}")
  @CsvSource({
    "Progressing, IN_PROGRESS",
    "DependencyNotReady, IN_PROGRESS",
    "ReconciliationFailed, FAILED",
    "HealthCheckFailed, FAILED",
    "'', FAILED"
  })
  void readyFalseIsInProgressOnlyForProgressReasons(String reason, HealthStatus expected) {
    KubeObject release =
        object(
            "apiVersion: cairn.dev/v1\nkind: HelmRelease\nmetadata:\n  name: r\nstatus:\n"
                + "  conditions:\n    - type: Ready\n      status: \"False\"\n      reason: \""
                + reason
                + "\"\n      message: m\n");

    assertThat(HealthChecks.defaults().check(release).status()).isEqualTo(expected);
  }
}

package dev.cairn.engine.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.Trigger;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code checkSpec} alone: refused fields, per-action timeouts and health expressions. */
class ReleaseSpecStepTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  static HelmReleaseRun run(String specYaml) {
    String yaml =
        """
        apiVersion: cairn.dev/v1
        kind: HelmRelease
        metadata: {name: gw, namespace: apps, generation: 1}
        spec:
          interval: 5m
          chart: {spec: {chart: gateway, sourceRef: {kind: HelmRepository, name: charts}}}
        %s
        """
            .formatted(specYaml.indent(2));
    HelmRelease object = JSON.unmarshal(yaml, HelmRelease.class);
    return new HelmReleaseRun(object, Trigger.WATCH, new HelmReleaseStatus(), Clock.systemUTC());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "serviceAccountName: tenant",
        "kubeConfig: {secretRef: {name: remote}}",
        "test: {enable: false}",
        "driftDetection: {mode: warn, ignore: []}",
        "upgrade: {preserveValues: true, force: true, cleanupOnFail: true}",
        "rollback: {force: true, disableWait: true, recreate: false, cleanupOnFail: true}",
      })
  void checkSpecAcceptsWhatItActsOn(String specYaml) {
    assertThat(ReleaseSpecStep.checkSpec(run(specYaml))).isEqualTo(StepResult.proceed());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"install", "upgrade", "rollback", "uninstall"})
  void namesABadActionTimeout(String action) {
    assertThatThrownBy(() -> ReleaseSpecStep.checkSpec(run(action + ": {timeout: soon}")))
        .isInstanceOf(ReconcileException.Stalled.class)
        .hasMessage("spec." + action + ".timeout 'soon' is not a duration");
  }

  @Test
  void compilesHealthExpressionsOrStalls() {
    HelmReleaseRun good =
        run(
            """
            healthCheckExprs:
            - {apiVersion: example.com/v1, kind: Widget, current: "status.ready == true"}
            """);
    ReleaseSpecStep.checkSpec(good);
    assertThat(good.healthChecks()).isNotNull();

    HelmReleaseRun none = run("timeout: 1m");
    ReleaseSpecStep.checkSpec(none);
    assertThat(none.healthChecks()).isNull();
    assertThat(none.timeout()).isEqualTo(Duration.ofMinutes(1));

    assertThatThrownBy(
            () ->
                ReleaseSpecStep.checkSpec(
                    run(
                        """
                        healthCheckExprs:
                        - {apiVersion: example.com/v1, kind: Widget, current: "status.ready =="}
                        """)))
        .isInstanceOfSatisfying(
            ReconcileException.Stalled.class,
            e -> assertThat(e.reason()).isEqualTo("InvalidCELExpression"))
        .hasMessageStartingWith("spec.healthCheckExprs: ");
  }
}

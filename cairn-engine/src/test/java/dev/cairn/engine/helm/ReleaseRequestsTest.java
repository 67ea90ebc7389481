package dev.cairn.engine.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.helm.HelmReleaseStatus;
import dev.cairn.engine.Trigger;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Step {@code handleRequests}: Cairn's force/reset annotations by value, Flux's by Flux's rule (the
 * request must equal {@code reconcile.fluxcd.io/requestedAt} and neither be handled yet).
 */
class ReleaseRequestsTest {

  @ParameterizedTest(name = "{0}: {1}={2}, requestedAt={3}, handled {4}/{5} -> {6}, {7}")
  @CsvSource(
      nullValues = "-",
      value = {
        "flux force with matching requestedAt, reconcile.fluxcd.io/forceAt, T1, T1, -, -, true, T1",
        "flux force without requestedAt, reconcile.fluxcd.io/forceAt, T1, -, -, -, false, T1",
        "flux force with another requestedAt, reconcile.fluxcd.io/forceAt, T1, T0, -, -, false, T1",
        "flux force already handled, reconcile.fluxcd.io/forceAt, T1, T1, T1, -, false, T1",
        "flux requestedAt already handled, reconcile.fluxcd.io/forceAt, T1, T1, T0, T1, false, T1",
        "flux force newer than handled, reconcile.fluxcd.io/forceAt, T2, T2, T1, T1, true, T2",
        "cairn force new, reconcile.cairn.dev/forceAt, T2, -, T1, -, true, T2",
        "cairn force handled, reconcile.cairn.dev/forceAt, T1, -, T1, -, false, T1",
      })
  void forceRequests(
      String label,
      String annotation,
      String value,
      String requestedAt,
      String lastHandledForce,
      String lastHandledReconcile,
      boolean forced,
      String handledAfter) {
    HelmReleaseStatus status = new HelmReleaseStatus();
    status.setLastHandledForceAt(lastHandledForce);
    status.setLastHandledReconcileAt(lastHandledReconcile);
    HelmReleaseRun run = run(annotation, value, requestedAt, status);

    ReleaseSpecStep.handleRequests(run);

    assertThat(run.forceRequested()).isEqualTo(forced);
    assertThat(status.getLastHandledForceAt()).isEqualTo(handledAfter);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "flux reset with matching requestedAt, reconcile.fluxcd.io/resetAt, T1, T1, true",
        "flux reset with another requestedAt, reconcile.fluxcd.io/resetAt, T1, T0, false",
        "cairn reset, reconcile.cairn.dev/resetAt, T1, -, true",
      })
  void resetRequests(
      String label, String annotation, String value, String requestedAt, boolean reset) {
    HelmReleaseStatus status = new HelmReleaseStatus();
    status.setInstallFailures(3L);
    HelmReleaseRun run = run(annotation, value, requestedAt, status);

    ReleaseSpecStep.handleRequests(run);

    assertThat(status.getInstallFailures()).isEqualTo(reset ? null : 3L);
    assertThat(status.getLastHandledResetAt()).isEqualTo(value);
    assertThat(run.forceRequested()).isFalse();
  }

  private static HelmReleaseRun run(
      String annotation, String value, String requestedAt, HelmReleaseStatus status) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(annotation, value);
    if (requestedAt != null) {
      annotations.put("reconcile.fluxcd.io/requestedAt", requestedAt);
    }
    HelmRelease object = new HelmRelease();
    object.setMetadata(
        new ObjectMetaBuilder()
            .withName("app")
            .withNamespace("ns")
            .withGeneration(1L)
            .withAnnotations(annotations)
            .build());
    return new HelmReleaseRun(object, Trigger.REQUEST, status, Clock.systemUTC());
  }
}

package dev.cairn.engine.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.engine.ReconcileException;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the dependency step counts a dependency as ready, without a cluster. */
class DependencyReadinessTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  /** A dependency at generation 2 with the given Ready status and observed generation. */
  private static Kustomization dependency(String ready, Long observed, String revision) {
    Kustomization k = new Kustomization();
    k.setMetadata(
        new ObjectMetaBuilder().withName("infra").withNamespace("ns").withGeneration(2L).build());
    if (ready != null) {
      KustomizationStatus status = new KustomizationStatus();
      status.setObservedGeneration(observed);
      status.setConditions(List.of(new Condition(null, "m", observed, "Whatever", ready, "Ready")));
      status.setLastAppliedRevision(revision);
      k.setStatus(status);
    }
    return k;
  }

  @ParameterizedTest(name = "Ready={0} observed={1} revision={2} readyExpr={3} -> {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        "True, 2, -, -, true",
        "True, 1, -, -, false",
        "False, 2, -, -, false",
        "Unknown, 2, -, -, false",
        "-, -, -, -, false",
        "False, 2, main@sha1:abc, has(status.lastAppliedRevision), true",
        "True, 2, -, has(status.lastAppliedRevision), false",
        "True, 1, main@sha1:abc, has(status.lastAppliedRevision), false",
      })
  void readiness(String ready, Long observed, String revision, String readyExpr, boolean expected) {
    assertThat(DependencyStep.ready(dependency(ready, observed, revision), readyExpr, JSON))
        .isEqualTo(expected);
  }

  @Test
  void aBrokenReadyExprStalls() {
    assertThatThrownBy(
            () -> DependencyStep.ready(dependency("True", 2L, null), "status.phase ==", JSON))
        .isInstanceOf(ReconcileException.Stalled.class)
        .hasMessageStartingWith("dependsOn readyExpr: ")
        .extracting(e -> ((ReconcileException) e).reason())
        .isEqualTo("InvalidCELExpression");
  }
}

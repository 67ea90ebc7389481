package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ControllerConfigurationsTest {
  private final ConfigMap before =
      new ConfigMapBuilder()
          .withNewMetadata()
          .withName("a")
          .withNamespace("ns")
          .withGeneration(3L)
          .withResourceVersion("10")
          .endMetadata()
          .build();

  private boolean passes(UnaryOperator<ConfigMapBuilder> change) {
    ConfigMap after = change.apply(new ConfigMapBuilder(before)).build();
    return ControllerConfigurations.specOrRequestChanged(after, before);
  }

  @Test
  void dropsUpdatesThatOnlyTouchStatusOrResourceVersion() {
    assertThat(passes(b -> b.editMetadata().withResourceVersion("11").endMetadata())).isFalse();
    assertThat(passes(b -> b.editMetadata().addToLabels("x", "y").endMetadata())).isFalse();
  }

  @Test
  void passesANewGeneration() {
    assertThat(passes(b -> b.editMetadata().withGeneration(4L).endMetadata())).isTrue();
  }

  @Test
  void passesANewReconcileRequest() {
    assertThat(
            passes(
                b ->
                    b.editMetadata()
                        .addToAnnotations("reconcile.cairn.dev/requestedAt", "2026-11-23T10:00:00Z")
                        .endMetadata()))
        .isTrue();
  }

  @Test
  void dropsTheEnginesOwnFinalizerEdit() {
    // the engine adds its finalizer within a run and goes on; that edit needs no second run
    assertThat(passes(b -> b.editMetadata().addToFinalizers("cairn.dev/finalizer").endMetadata()))
        .isFalse();
  }

  @Test
  void passesTheStartOfADeletion() {
    assertThat(
            passes(
                b -> b.editMetadata().withDeletionTimestamp("2026-11-23T10:00:00Z").endMetadata()))
        .isTrue();
  }
}

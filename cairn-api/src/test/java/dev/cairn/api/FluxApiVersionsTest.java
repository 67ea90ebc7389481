package dev.cairn.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FluxApiVersionsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "source.toolkit.fluxcd.io/v1",
        "source.toolkit.fluxcd.io/v1beta2",
        "kustomize.toolkit.fluxcd.io/v1",
        "helm.toolkit.fluxcd.io/v2",
        "helm.toolkit.fluxcd.io/v2beta2"
      })
  void fluxVersionsMapToCairn(String flux) {
    assertThat(FluxApiVersions.toCairn(flux)).contains("cairn.dev/v1");
    assertThat(FluxApiVersions.isFlux(flux)).isTrue();
  }

  @Test
  void otherVersionsDoNotMap() {
    assertThat(FluxApiVersions.toCairn("apps/v1")).isEmpty();
    assertThat(FluxApiVersions.toCairn("kustomize.toolkit.fluxcd.io/v1beta1")).isEmpty();
    assertThat(FluxApiVersions.toCairn(null)).isEmpty();
    assertThat(FluxApiVersions.isFlux("cairn.dev/v1")).isFalse();
  }
}

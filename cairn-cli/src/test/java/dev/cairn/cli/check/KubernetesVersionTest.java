package dev.cairn.cli.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What {@code cairn check --pre} reads from {@code /version} and which versions it accepts. */
class KubernetesVersionTest {

  @Test
  void readsProviderSuffixesAndComparesNumerically() {
    assertThat(KubernetesVersion.parse("1", "29+")).isEqualTo(new KubernetesVersion(1, 29));
    assertThat(KubernetesVersion.parse("1", "31").supported()).isTrue();
    assertThat(KubernetesVersion.parse("1", "29").supported()).isTrue();
    assertThat(KubernetesVersion.parse("1", "28").supported()).isFalse();
    assertThat(KubernetesVersion.parse("1", "9").supported()).isFalse();
    assertThat(KubernetesVersion.parse("2", "0").supported()).isTrue();
  }

  @Test
  void anEmptyMinorIsAnError() {
    assertThatThrownBy(() -> KubernetesVersion.parse("1", ""))
        .hasMessageContaining("reports no minor version");
  }
}

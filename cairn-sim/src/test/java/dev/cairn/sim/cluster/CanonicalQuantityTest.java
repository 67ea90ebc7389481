package dev.cairn.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalQuantityTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0.5, 500m",
    "500m, 500m",
    "1000m, 1",
    "2000m, 2",
    "1, 1",
    "1000, 1k",
    "1500, 1500",
    "1.5, 1500m",
    "0.0001, 100u",
    "1Gi, 1Gi",
    "1024Mi, 1Gi",
    "1.5Gi, 1536Mi",
    "0.5Ki, 512",
    "128974848, 128974848",
    "129e6, 129e6",
    "1e3, 1e3",
    "12e2, 1200",
    "0, 0",
    "0Gi, 0",
    "1M, 1M",
    "0.000000001, 1n",
    "0.0000000001, 1n"
  })
  void canonicalizesAsTheApiServerDoes(String input, String canonical) {
    assertThat(CanonicalQuantity.of(input)).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0.0001, 1m", "0.5, 500m", "1.0005, 1001m", "1Gi, 1Gi"})
  void resourceListValuesAreRoundedUpToMilli(String input, String canonical) {
    assertThat(CanonicalQuantity.ofResourceList(input)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1Gb", "", "1.2.3"})
  void refusesWhatIsNoQuantity(String input) {
    assertThatThrownBy(() -> CanonicalQuantity.of(input))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

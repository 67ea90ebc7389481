package dev.cairn.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FluxDurationTest {

  @ParameterizedTest
  @CsvSource({
    "10m, PT10M",
    "1h30m, PT1H30M",
    "1m0s, PT1M",
    "0.5s, PT0.5S",
    "250ms, PT0.25S",
    "2h, PT2H"
  })
  void parsesFluxDurations(String text, String iso) {
    assertThat(FluxDuration.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @CsvSource({
    "PT0S, 0s",
    "PT0.25S, 250ms",
    "PT0.0015S, 1.5ms",
    "PT30S, 30s",
    "PT1.5S, 1.5s",
    "PT1M, 1m0s",
    "PT1M30S, 1m30s",
    "PT2H, 2h0m0s",
    "PT1H0M5S, 1h0m5s",
    "PT-30S, -30s"
  })
  void formatsAsGoDoes(String iso, String go) {
    assertThat(FluxDuration.format(Duration.parse(iso))).isEqualTo(go);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "5x", "1d", "-1m", "1 m"})
  void rejectsWhatFluxPatternRejects(String text) {
    assertThatThrownBy(() -> FluxDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
    assertThat(FluxDuration.parseOrNull(text)).isNull();
  }

  @Test
  void parseOrNullReadsWhatParseReads() {
    assertThat(FluxDuration.parseOrNull("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(FluxDuration.parseOrNull(null)).isNull();
  }
}

package dev.cairn.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {

  @ParameterizedTest
  @CsvSource({
    "-5, <invalid>",
    "-1, 0s",
    "45, 45s",
    "119, 119s",
    "200, 3m20s",
    "240, 4m",
    "720, 12m",
    "18600, 5h10m",
    "72000, 20h",
    "360000, 4d4h",
    "3456000, 40d",
    "64800000, 2y20d"
  })
  void printsAgesAsApimachineryDoes(long seconds, String expected) {
    assertThat(HumanDuration.of(Duration.ofSeconds(seconds))).isEqualTo(expected);
  }
}

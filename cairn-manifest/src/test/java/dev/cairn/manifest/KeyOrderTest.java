package dev.cairn.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyOrderTest {

  @Test
  void sortsLikeKustomize() {
    List<String> keys =
        new ArrayList<>(List.of("a10", "a2", "A", "_b", "-c", "10", "2", "1", "z", "Z", "a02"));
    keys.sort(KeyOrder.INSTANCE);
    assertThat(keys).containsExactly("-c", "_b", "1", "2", "10", "A", "Z", "a2", "a02", "a10", "z");
  }

  @Test
  void goFloatsMatchStrconvShortestG() {
    assertThat(GoFloats.format(1e20)).isEqualTo("1e+20");
    assertThat(GoFloats.format(1e21)).isEqualTo("1e+21");
    assertThat(GoFloats.format(1234567.5)).isEqualTo("1.2345675e+06");
    assertThat(GoFloats.format(0.0001)).isEqualTo("0.0001");
    assertThat(GoFloats.format(0.00001)).isEqualTo("1e-05");
    assertThat(GoFloats.format(-0.0)).isEqualTo("0");
    assertThat(GoFloats.format(3.0)).isEqualTo("3");
  }
}

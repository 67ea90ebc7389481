package dev.cairn.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  void punctuationAfterADigitSortsBeforeALetterAsInGoYamlV2() {
    List<Map.Entry<String, Integer>> entries =
        new ArrayList<>(List.of(Map.entry("1x0", 1), Map.entry("10", 2), Map.entry("1,no", 3)));
    KeyOrder.sort(entries);
    assertThat(entries).extracting(Map.Entry::getKey).containsExactly("1,no", "10", "1x0");
  }

  @Test
  void keysWithoutATotalOrderSortWithoutFailing() {
    List<Map.Entry<String, Integer>> entries = new ArrayList<>();
    String[] cycle = {"10", "1BB9", "9e."};
    for (int i = 0; i < 300; i++) {
      entries.add(Map.entry(cycle[i % 3] + "-" + i, i));
      entries.add(Map.entry(cycle[i % 3], i));
    }
    KeyOrder.sort(entries);
    assertThat(entries).hasSize(600);
  }

  @Test
  void goFloatsMatchStrconvShortestG() {
    assertThat(GoFloats.format(5e-324)).isEqualTo("5e-324");
    assertThat(GoFloats.format(1e20)).isEqualTo("1e+20");
    assertThat(GoFloats.format(1e21)).isEqualTo("1e+21");
    assertThat(GoFloats.format(1234567.5)).isEqualTo("1.2345675e+06");
    assertThat(GoFloats.format(0.0001)).isEqualTo("0.0001");
    assertThat(GoFloats.format(0.00001)).isEqualTo("1e-05");
    assertThat(GoFloats.format(-0.0)).isEqualTo("0");
    assertThat(GoFloats.format(3.0)).isEqualTo("3");
  }
}

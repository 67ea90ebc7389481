package dev.cairn.engine.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseNamesTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "gateway, -, -, gateway",
        "gateway, edge, -, edge-gateway",
        "gateway, edge, custom, custom",
        // 54 characters: first 40, a dash, 12 hex of sha256("<54 chars>")
        "release-with-a-rather-long-name-here, some-front-appended-ns, -,"
            + " some-front-appended-ns-release-with-a-ra-8c4d4ba9e4b4",
      })
  void followsFluxsRule(String name, String target, String explicit, String expected) {
    String actual = ReleaseNames.releaseName(name, target, explicit);
    if (expected.length() <= 53 && !expected.matches(".*-[0-9a-f]{12}$")) {
      assertThat(actual).isEqualTo(expected);
    } else {
      assertThat(actual).hasSize(53).startsWith(expected.substring(0, 41));
      assertThat(actual).matches(".*-[0-9a-f]{12}$");
    }
  }

  @ParameterizedTest
  @CsvSource({"a, 53", "b, 60", "c, 200"})
  void neverLongerThanHelmAllows(String prefix, int length) {
    String name = prefix.repeat(length);
    String shortened = ReleaseNames.shorten(name);
    assertThat(shortened.length()).isLessThanOrEqualTo(53);
    assertThat(ReleaseNames.shorten(name)).isEqualTo(shortened);
    if (length <= 53) {
      assertThat(shortened).isEqualTo(name);
    }
  }

  @ParameterizedTest
  @CsvSource({"gw, 1, sh.helm.release.v1.gw.v1", "edge-gw, 12, sh.helm.release.v1.edge-gw.v12"})
  void storageSecretNames(String release, int version, String expected) {
    assertThat(ReleaseNames.storageSecretName(release, version)).isEqualTo(expected);
  }
}

package dev.cairn.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case under {@code src/test/resources/golden/<case>/}: the output of {@code in/} must equal
 * {@code expected.yaml} (made by {@code kubectl kustomize in/}, see {@code regen-golden.sh}), or
 * the build must fail with a message containing each line of {@code expected-error.txt}.
 */
class GoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Kustomizer KUSTOMIZER = Kustomizer.defaults();

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsLikeKustomize(String name) throws IOException {
    Path dir = GOLDEN.resolve(name);
    Path in = dir.resolve("in");
    Path expectedError = dir.resolve("expected-error.txt");
    if (Files.exists(expectedError)) {
      List<String> parts =
          Files.readAllLines(expectedError, StandardCharsets.UTF_8).stream()
              .filter(l -> !l.isBlank())
              .toList();
      assertThatThrownBy(() -> KUSTOMIZER.buildYaml(in))
          .isInstanceOf(KustomizeException.class)
          .satisfies(e -> parts.forEach(p -> assertThat(e.getMessage()).contains(p)));
    } else {
      String expected = Files.readString(dir.resolve("expected.yaml"), StandardCharsets.UTF_8);
      assertThat(KUSTOMIZER.buildYaml(in)).isEqualTo(expected);
    }
  }
}

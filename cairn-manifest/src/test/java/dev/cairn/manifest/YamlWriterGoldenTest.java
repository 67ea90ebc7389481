package dev.cairn.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads each {@code yaml/<case>/input.yaml} and writes it back; the text must equal {@code
 * expected.yaml}, which {@code kubectl kustomize} produced from the same input (see
 * src/test/regen-golden.sh).
 */
class YamlWriterGoldenTest {

  static final Path CASES = Path.of("src/test/resources/yaml");

  /**
   * Cases whose kustomize text a YAML 1.2 reader (snakeyaml-engine) reads differently from the YAML
   * 1.1 reader kustomize itself uses, with the reason.
   */
  static final Map<String, String> NOT_FIXED_POINTS =
      Map.of(
          "line-separators",
          "U+2028 and U+2029 are line breaks only in YAML 1.1, so the folded text reads back longer");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs
          .filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void writesWhatKustomizeWrites(String name) throws IOException {
    Path dir = CASES.resolve(name);
    String input = Files.readString(dir.resolve("input.yaml"));
    String expected = Files.readString(dir.resolve("expected.yaml"));

    var documents = YamlReader.defaults().readAll("input.yaml", input);
    String written = YamlWriter.writeAll(documents.stream().map(YamlDocument::content).toList());

    assertThat(written).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void expectedOutputIsAFixedPoint(String name) throws IOException {
    assumeTrue(!NOT_FIXED_POINTS.containsKey(name), () -> NOT_FIXED_POINTS.get(name));
    String expected = Files.readString(CASES.resolve(name).resolve("expected.yaml"));
    var documents = YamlReader.defaults().readAll("expected.yaml", expected);
    assertThat(YamlWriter.writeAll(documents.stream().map(YamlDocument::content).toList()))
        .isEqualTo(expected);
  }
}

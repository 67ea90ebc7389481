package dev.cairn.engine.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.Artifact;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code status.lastAppliedOriginRevision} comes from the artifact's OCI revision metadata. */
class OriginRevisionTest {

  static Stream<Arguments> artifacts() {
    return Stream.of(
        Arguments.of(
            Map.of("org.opencontainers.image.revision", "main@sha1:abc123"), "main@sha1:abc123"),
        Arguments.of(Map.of("org.opencontainers.image.source", "https://git.example.com"), null),
        Arguments.of(Map.of("org.opencontainers.image.revision", ""), null),
        Arguments.of(null, null));
  }

  @ParameterizedTest
  @MethodSource("artifacts")
  void originRevisionIsTheArtifactsOciRevision(Map<String, String> metadata, String expected) {
    Artifact artifact =
        new Artifact(
            "ocirepository/ns/app/sha256:1.tar.gz",
            "http://store/ocirepository/ns/app/sha256:1.tar.gz",
            "latest@sha256:1",
            "sha256:1",
            "2026-12-06T00:00:00Z",
            1L,
            metadata);

    assertThat(KustomizationKind.originRevision(artifact)).isEqualTo(expected);
  }
}

package dev.cairn.engine.argo.appset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's path.Match for directories, Git's greedy pathspec for files. */
class PathGlobTest {

  @ParameterizedTest
  @CsvSource({
    "k8s/apps/*/*, k8s/apps/media/jellyfin, true",
    "k8s/apps/*/*, k8s/apps/media, false",
    "k8s/apps/*/*, k8s/apps/media/jellyfin/config, false",
    "k8s/apps/*/wip-*, k8s/apps/media/wip-x, true",
    "d/[f|g], d/g, true",
    "d/[f|g], d/e, false",
    "d/[^f], d/e, true",
    "d/?, d/e, true",
    "*, k8s, true",
    "*, k8s/apps, false",
    "a\\*, a*, true",
    "a\\*, ab, false"
  })
  void directoriesMatchAsGoPathMatch(String glob, String path, boolean matches) {
    assertThat(PathGlob.directory(glob).matches(path)).isEqualTo(matches);
  }

  @ParameterizedTest
  @CsvSource({
    "some-path/*.yaml, some-path/a.yaml, true",
    "some-path/*.yaml, some-path/deep/er/a.yaml, true",
    "cluster-config/**/config.json, cluster-config/engineering/dev/config.json, true",
    "cluster-config/*/config.json, cluster-config/config.json, false"
  })
  void filesMatchGreedilyAsArgoCdsDefaultGlobbing(String glob, String path, boolean matches) {
    assertThat(PathGlob.file(glob).matches(path)).isEqualTo(matches);
  }

  @Test
  void aMalformedPatternIsNamed() {
    assertThatThrownBy(() -> PathGlob.directory("apps/[a"))
        .isInstanceOf(GeneratorException.class)
        .hasMessage("path pattern 'apps/[a' is malformed");
  }
}

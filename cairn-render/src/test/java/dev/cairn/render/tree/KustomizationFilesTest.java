package dev.cairn.render.tree;

import static dev.cairn.render.TestTrees.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KustomizationFilesTest {
  @TempDir Path tmp;

  @Test
  void listsYamlFilesRecursivelyAndNestedKustomizationsAsOneResource() {
    write(
        tmp,
        "b.yaml",
        "",
        "a.yml",
        "",
        "README.md",
        "",
        "values.json",
        "",
        "sub/z.yaml",
        "",
        "sub/deeper/y.yml",
        "",
        "with-kustomization/kustomization.yaml",
        "",
        "with-kustomization/ignored.yaml",
        "",
        "with-short-name/Kustomization",
        "",
        "with-yml/kustomization.yml",
        "",
        ".github/workflows/ci.yaml",
        "",
        ".hidden.yaml",
        "",
        "sub/.git/config.yaml",
        "",
        "cloudbuild.yaml",
        "");

    assertThat(KustomizationFiles.generatedResources(tmp))
        .containsExactly(
            "./a.yml",
            "./b.yaml",
            "./sub/deeper/y.yml",
            "./sub/z.yaml",
            "./with-kustomization",
            "./with-short-name",
            "./with-yml");
  }

  @Test
  void findsKustomizationFilesInKustomizeOrder() {
    write(tmp, "kustomization.yml", "", "Kustomization", "");
    assertThat(KustomizationFiles.find(tmp)).contains(tmp.resolve("kustomization.yml"));
    assertThat(KustomizationFiles.find(tmp.resolve("nothing"))).isEmpty();
  }
}

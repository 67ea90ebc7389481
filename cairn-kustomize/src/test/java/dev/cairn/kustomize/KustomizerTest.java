package dev.cairn.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.manifest.KubeObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KustomizerTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TempDir Path tmp;

  @Test
  void buildReturnsOrderedObjectsWithTheirOrigin() {
    List<KubeObject> objects = Kustomizer.defaults().build(GOLDEN.resolve("resources-nested/in"));
    assertThat(objects).extracting(KubeObject::kind).startsWith("Namespace", "ServiceAccount");
    assertThat(objects.get(0).origin().file()).isEqualTo("extra.yaml");
    assertThat(objects)
        .filteredOn(o -> o.name().equals("mid-web") && o.kind().equals("Deployment"))
        .singleElement()
        .satisfies(o -> assertThat(o.origin().file()).isEqualTo("base/deploy.yaml"));
  }

  @Test
  void oneInstanceServesConcurrentBuilds() throws Exception {
    Kustomizer kustomizer = Kustomizer.defaults();
    Path dir = GOLDEN.resolve("name-references/in");
    String expected = Files.readString(GOLDEN.resolve("name-references/expected.yaml"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> kustomizer.buildYaml(dir)));
      }
      for (Future<String> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void errorsNameTheFileAndLine() throws Exception {
    Files.writeString(tmp.resolve("kustomization.yaml"), "resources:\n- bad.yaml\n");
    Files.writeString(tmp.resolve("bad.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: [\n");
    assertThatThrownBy(() -> Kustomizer.defaults().build(tmp))
        .isInstanceOfSatisfying(
            KustomizeException.class,
            e -> {
              assertThat(e.file()).isEqualTo("bad.yaml");
              assertThat(e.line()).isPositive();
              assertThat(e.getMessage()).startsWith("bad.yaml:" + e.line() + ": invalid YAML");
            });
  }

  @Test
  void missingKustomizationAndUnsupportedFieldsAreClear() throws Exception {
    assertThatThrownBy(() -> Kustomizer.defaults().build(tmp))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("unable to find one of 'kustomization.yaml'");
    Files.writeString(
        tmp.resolve("kustomization.yaml"), "helmChartInflationGenerator:\n- chartName: x\n");
    assertThatThrownBy(() -> Kustomizer.defaults().build(tmp))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("helmChartInflationGenerator");
  }

  @Test
  void optionsAreValidatedAndCopiedByWithers() {
    KustomizeOptions o = KustomizeOptions.defaults().withLoadRestriction(LoadRestriction.NONE);
    assertThat(o.loadRestriction()).isEqualTo(LoadRestriction.NONE);
    assertThat(KustomizeOptions.defaults().loadRestriction()).isEqualTo(LoadRestriction.ROOT_ONLY);
    assertThatThrownBy(() -> KustomizeOptions.defaults().withMaxDepth(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void loadRestrictionNoneAllowsFilesOutsideTheKustomizationInsideTheBoundary() throws Exception {
    Path app = Files.createDirectories(tmp.resolve("app"));
    Files.writeString(
        tmp.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: up\n");
    Files.writeString(app.resolve("kustomization.yaml"), "resources:\n- ../cm.yaml\n");
    KustomizeOptions options = KustomizeOptions.defaults().withBoundary(tmp);
    assertThatThrownBy(() -> Kustomizer.defaults().withOptions(options).build(app))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("not in or below");
    assertThat(
            Kustomizer.defaults()
                .withOptions(options.withLoadRestriction(LoadRestriction.NONE))
                .build(app))
        .extracting(KubeObject::name)
        .containsExactly("up");
  }
}

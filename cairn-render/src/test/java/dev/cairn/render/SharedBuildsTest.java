package dev.cairn.render;

import static dev.cairn.render.TestTrees.configMap;
import static dev.cairn.render.TestTrees.spec;
import static dev.cairn.render.TestTrees.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.kustomize.KustomizationSpec;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.cache.BuildCache;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Renders naming an artifact digest share kustomize builds, and nothing after the build. */
class SharedBuildsTest {
  private static final String DIGEST = "sha256:aaaa";

  @TempDir Path tmp;

  private final BuildCache cache = new BuildCache(100, 1 << 24);
  private final KustomizationRenderer renderer =
      new KustomizationRenderer(RenderOptions.defaults(), cache);

  private Path artifact() {
    return write(
        tmp.resolve("artifact"),
        "app/kustomization.yaml",
        "resources: [cm.yaml]\n",
        "app/cm.yaml",
        configMap("settings", "data:\n  cluster: ${cluster}\n  fixed: 'yes'\n"),
        "other/cm.yaml",
        configMap("other", ""),
        "components/extra/kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
            + "commonLabels: {extra: 'true'}\n");
  }

  private static KustomizationSpec tenant(String cluster) {
    return spec(
        """
        path: ./app
        postBuild:
          substitute:
            cluster: %s
        commonMetadata:
          labels:
            tenant: %s
        """
            .formatted(cluster, cluster));
  }

  private static KubeObject only(RenderedSet set) {
    assertThat(set.objects()).hasSize(1);
    return set.objects().get(0);
  }

  @Test
  void kustomizationsDifferingOnlyAfterTheBuildBuildOnce() {
    Path artifact = artifact();

    RenderedSet eu = renderer.render(artifact, DIGEST, tenant("eu"), RenderInputs.none());
    RenderedSet us = renderer.render(artifact, DIGEST, tenant("us"), RenderInputs.none());

    assertThat(cache.builds()).isEqualTo(1);
    assertThat(only(eu).node().at("/data/cluster").asText()).isEqualTo("eu");
    assertThat(only(us).node().at("/data/cluster").asText()).isEqualTo("us");
    assertThat(only(eu).labels()).containsEntry("tenant", "eu");
    assertThat(only(us).labels()).containsEntry("tenant", "us");
    RenderedSet unshared = KustomizationRenderer.defaults().render(artifact, tenant("us"), none());
    assertThat(us).isEqualTo(unshared);
  }

  private static RenderInputs none() {
    return RenderInputs.none();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "targetNamespace: other",
        "namePrefix: p-",
        "nameSuffix: -s",
        "patches:\n- patch: '[{\"op\": \"add\", \"path\": \"/data/p\", \"value\": \"x\"}]'\n"
            + "  target: {kind: ConfigMap}",
        "images:\n- name: nginx\n  newTag: '2'",
        "components: [../components/extra]",
        "buildMetadata: [originAnnotations]",
      })
  void everyBuildFieldIsPartOfTheKey(String field) {
    Path artifact = artifact();
    KustomizationSpec plain = spec("path: ./app\n");
    KustomizationSpec changed = spec("path: ./app\n" + field + "\n");

    RenderedSet first = renderer.render(artifact, DIGEST, plain, none());
    RenderedSet second = renderer.render(artifact, DIGEST, changed, none());

    assertThat(cache.builds()).isEqualTo(2);
    assertThat(second)
        .isEqualTo(KustomizationRenderer.defaults().render(artifact, changed, none()));
    assertThat(first).isEqualTo(KustomizationRenderer.defaults().render(artifact, plain, none()));
  }

  @Test
  void theArtifactAndThePathArePartOfTheKey() {
    Path artifact = artifact();
    Path copy = write(tmp.resolve("copy"), "app/cm.yaml", configMap("settings", ""));

    renderer.render(artifact, DIGEST, spec("path: ./app\n"), none());
    renderer.render(artifact, DIGEST, spec("path: app\n"), none()); // the same directory
    renderer.render(artifact, DIGEST, spec("path: ./other\n"), none());
    renderer.render(artifact, "sha256:bbbb", spec("path: ./app\n"), none());
    renderer.render(copy, DIGEST, spec("path: ./app\n"), none());

    assertThat(cache.builds()).isEqualTo(4);
  }

  @Test
  void changingOneRenderedSetLeavesTheOthersAlone() {
    Path artifact = artifact();
    RenderedSet first = renderer.render(artifact, DIGEST, tenant("eu"), none());
    KubeObject object = only(first);
    object.setLabel("tenant", "changed");
    object.setName("changed");
    object.node().with("data").put("fixed", "changed");

    RenderedSet second = renderer.render(artifact, DIGEST, tenant("eu"), none());

    assertThat(cache.builds()).isEqualTo(1);
    assertThat(only(second).name()).isEqualTo("settings");
    assertThat(only(second).labels()).containsEntry("tenant", "eu");
    assertThat(only(second).node().at("/data/fixed").asText()).isEqualTo("yes");
  }

  @Test
  void aNewArtifactRevisionRendersAgain() {
    Path artifact = artifact();
    RenderedSet old = renderer.render(artifact, DIGEST, spec("path: ./app\n"), none());

    write(artifact, "app/cm.yaml", configMap("settings", "data:\n  fixed: 'no'\n"));
    RenderedSet next = renderer.render(artifact, "sha256:bbbb", spec("path: ./app\n"), none());

    assertThat(cache.builds()).isEqualTo(2);
    assertThat(only(old).node().at("/data/fixed").asText()).isEqualTo("yes");
    assertThat(only(next).node().at("/data/fixed").asText()).isEqualTo("no");
  }

  @Test
  void withoutADigestOrWithDecryptionNothingIsShared() {
    Path artifact = artifact();
    KustomizationSpec decrypting = spec("path: ./app\ndecryption:\n  provider: sops\n");

    renderer.render(artifact, null, spec("path: ./app\n"), none());
    renderer.render(artifact, null, spec("path: ./app\n"), none());
    renderer.render(artifact, DIGEST, decrypting, none());
    renderer.render(artifact, DIGEST, decrypting, none());

    assertThat(cache.builds()).isZero();
    assertThat(cache.size()).isZero();
  }

  @Test
  void errorsAreReportedToEveryKustomizationAsWithoutSharing() {
    Path artifact =
        write(
            tmp.resolve("broken"),
            "app/kustomization.yaml",
            "resources: [cm.yaml]\n",
            "app/cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [\n");
    String expected =
        catchMessage(() -> KustomizationRenderer.defaults().render(artifact, tenant("a"), none()));

    for (String tenant : new String[] {"a", "b"}) {
      assertThatThrownBy(() -> renderer.render(artifact, DIGEST, tenant(tenant), none()))
          .isInstanceOf(RenderException.class)
          .hasMessage(expected);
    }
    assertThat(cache.builds()).as("a failed build is not kept").isEqualTo(2);
    assertThatThrownBy(() -> renderer.render(artifact, DIGEST, spec("path: ./nope\n"), none()))
        .hasMessage("path './nope' not found in the source artifact");
    assertThatThrownBy(() -> renderer.render(artifact, DIGEST, spec("path: ../\n"), none()))
        .hasMessage("path '../' points outside the source root");
  }

  private static String catchMessage(Runnable render) {
    try {
      render.run();
    } catch (RenderException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the render to fail");
  }

  @Test
  void variablesFromOutsideTheSpecAreAppliedPerRender() {
    Path artifact = artifact();
    KustomizationSpec fromSources =
        spec("path: ./app\npostBuild:\n  substituteFrom:\n  - kind: ConfigMap\n    name: v\n");

    RenderedSet a =
        renderer.render(artifact, DIGEST, fromSources, new RenderInputs(Map.of("cluster", "a")));
    RenderedSet b =
        renderer.render(artifact, DIGEST, fromSources, new RenderInputs(Map.of("cluster", "b")));

    assertThat(cache.builds()).isEqualTo(1);
    assertThat(only(a).node().at("/data/cluster").asText()).isEqualTo("a");
    assertThat(only(b).node().at("/data/cluster").asText()).isEqualTo("b");
  }
}

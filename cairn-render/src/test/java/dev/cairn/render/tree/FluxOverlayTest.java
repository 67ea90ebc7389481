package dev.cairn.render.tree;

import static dev.cairn.render.TestTrees.spec;
import static dev.cairn.render.TestTrees.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FluxOverlayTest {
  @TempDir Path tmp;

  @Test
  void generatesAKustomizationListingTheDirectory() throws IOException {
    write(tmp, "b.yaml", "", "sub/a.yaml", "");

    Path file = FluxOverlay.write(tmp, spec("path: .\n"));

    assertThat(file).isEqualTo(tmp.resolve("kustomization.yaml"));
    assertThat(Files.readString(file))
        .isEqualTo(
            """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
            - ./b.yaml
            - ./sub/a.yaml
            """);
  }

  @Test
  void anEmptyDirectoryGetsFluxsPlaceholderNamespace() throws IOException {
    Path file = FluxOverlay.write(tmp, spec("path: .\n"));

    assertThat(Files.readString(file)).contains("namespace: _placeholder");
  }

  @Test
  void mergesFieldsIntoTheExistingFileKeepingItsName() throws IOException {
    write(
        tmp,
        "kustomization.yml",
        """
        namespace: mine
        namePrefix: mine-
        resources: [a.yaml]
        patches:
        - path: own-patch.yaml
        components: [own]
        images:
        - name: nginx
          newTag: "1.0"
          digest: sha256:old
        - name: redis
          newName: my/redis
        """);
    var spec =
        spec(
            """
            path: .
            targetNamespace: theirs
            nameSuffix: -x
            patches:
            - patch: '{"metadata":{"labels":{"a":"b"}}}'
              target:
                kind: Deployment
                labelSelector: app=web
            components: [extra]
            images:
            - name: nginx
              newTag: "2.0"
            - name: redis
              newName: other/redis
            - name: busybox
              digest: sha256:abc
            buildMetadata: [originAnnotations]
            """);

    Path file = FluxOverlay.write(tmp, spec);

    assertThat(file.getFileName().toString()).isEqualTo("kustomization.yml");
    assertThat(Files.exists(tmp.resolve("kustomization.yaml"))).isFalse();
    assertThat(Files.readString(file))
        .isEqualTo(
            """
            buildMetadata:
            - originAnnotations
            components:
            - own
            - extra
            images:
            - name: nginx
              newTag: "2.0"
            - name: redis
              newName: other/redis
            - digest: sha256:abc
              name: busybox
            namePrefix: mine-
            nameSuffix: -x
            namespace: theirs
            patches:
            - path: own-patch.yaml
            - patch: '{"metadata":{"labels":{"a":"b"}}}'
              target:
                kind: Deployment
                labelSelector: app=web
            resources:
            - a.yaml
            """);
  }

  @Test
  void leavesTheFileAloneWhenTheSpecSetsNothing() throws IOException {
    String text = "resources:   [a.yaml]   # comment kept\n";
    write(tmp, "kustomization.yaml", text);

    FluxOverlay.write(tmp, spec("path: .\n"));

    assertThat(Files.readString(tmp.resolve("kustomization.yaml"))).isEqualTo(text);
    assertThat(FluxOverlay.needed(spec("path: .\n"))).isFalse();
    assertThat(FluxOverlay.needed(spec("path: .\ntargetNamespace: x\n"))).isTrue();
  }

  @Test
  void remoteAndAbsoluteComponentPathsAreNotLocal() {
    assertThat(FluxOverlay.isLocalRelative("../components/x")).isTrue();
    assertThat(FluxOverlay.isLocalRelative("https://github.com/a/b")).isFalse();
    assertThat(FluxOverlay.isLocalRelative("git@github.com:a/b")).isFalse();
    assertThat(FluxOverlay.isLocalRelative("/abs/path")).isFalse();
    assertThat(FluxOverlay.isLocalRelative("file:///abs")).isFalse();
  }
}

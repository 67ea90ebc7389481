package dev.cairn.render;

import static dev.cairn.render.TestTrees.configMap;
import static dev.cairn.render.TestTrees.spec;
import static dev.cairn.render.TestTrees.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.manifest.KubeObject;
import dev.cairn.render.RenderException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KustomizationRendererTest {
  @TempDir Path tmp;

  private final KustomizationRenderer renderer = KustomizationRenderer.defaults();

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: web
              image: nginx:1.25
      """;

  private static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector:
          app: web
        ports:
        - port: 80
      """;

  private static List<String> ids(RenderedSet set) {
    return set.objects().stream()
        .map(o -> o.kind() + "/" + (o.namespace() == null ? "" : o.namespace() + "/") + o.name())
        .toList();
  }

  private static KubeObject find(RenderedSet set, String kind, String name) {
    return set.objects().stream()
        .filter(o -> o.kind().equals(kind) && o.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(kind + "/" + name + " not in " + ids(set)));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.map(root::relativize).sorted().toList();
    }
  }

  @Test
  void generatesAKustomizationForAPlainDirectoryTreeWithNestedBases() throws IOException {
    Path artifact =
        write(
            tmp.resolve("a"),
            "deploy/namespace.yaml",
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n",
            "deploy/app/deployment.yaml",
            DEPLOYMENT,
            "deploy/app/service.yml",
            SERVICE,
            "deploy/app/notes.txt",
            "not yaml",
            "deploy/redis/kustomization.yaml",
            "resources:\n- redis.yaml\nnamePrefix: cache-\n",
            "deploy/redis/redis.yaml",
            configMap("redis", "data:\n  maxmemory: 1gb\n"),
            "deploy/redis/unlisted.yaml",
            configMap("not-listed", ""),
            "deploy/.github/workflow.yaml",
            "on: push\n");
    List<Path> before = files(artifact);

    RenderedSet set = renderer.render(artifact, spec("path: ./deploy\n"), RenderInputs.none());

    assertThat(ids(set))
        .containsExactly("Namespace/web", "ConfigMap/cache-redis", "Service/web", "Deployment/web");
    assertThat(set.digest()).matches("sha256:[0-9a-f]{64}");
    assertThat(files(artifact)).as("the artifact is never written").isEqualTo(before);
  }

  @Test
  void anEmptyDirectoryRendersNothing() throws IOException {
    Path artifact = write(tmp.resolve("a"), "empty/README.md", "nothing here\n");

    RenderedSet set = renderer.render(artifact, spec("path: ./empty\n"), RenderInputs.none());

    assertThat(set.objects()).isEmpty();
  }

  @Test
  void setsFluxOverlaysOnTheUsersKustomization() {
    Path artifact =
        write(
            tmp.resolve("a"),
            "app/kustomization.yaml",
            """
            namespace: from-file
            namePrefix: file-
            resources:
            - deployment.yaml
            - service.yaml
            images:
            - name: nginx
              newTag: "1.26"
            """,
            "app/deployment.yaml",
            DEPLOYMENT,
            "app/service.yaml",
            SERVICE,
            "app/monitoring/kustomization.yaml",
            """
            apiVersion: kustomize.config.k8s.io/v1alpha1
            kind: Component
            resources:
            - monitor.yaml
            """,
            "app/monitoring/monitor.yaml",
            configMap("monitor", ""));
    var spec =
        spec(
            """
            path: ./app
            targetNamespace: prod
            namePrefix: team-
            nameSuffix: -v2
            components:
            - monitoring
            - missing-component
            ignoreMissingComponents: true
            images:
            - name: nginx
              newName: registry.example.com/nginx
            patches:
            - patch: |
                - op: replace
                  path: /spec/replicas
                  value: 3
              target:
                kind: Deployment
                name: web
            commonMetadata:
              labels:
                team: blue
              annotations:
                owner: platform
            """);

    RenderedSet set = renderer.render(artifact, spec, RenderInputs.none());

    assertThat(ids(set))
        .containsExactly(
            "ConfigMap/prod/team-monitor-v2",
            "Service/prod/team-web-v2",
            "Deployment/prod/team-web-v2");
    KubeObject deployment = find(set, "Deployment", "team-web-v2");
    assertThat(deployment.node().at("/spec/replicas").asInt())
        .as("patch targets the name before the prefix, as in Flux")
        .isEqualTo(3);
    assertThat(deployment.node().at("/spec/template/spec/containers/0/image").asText())
        .as("images merge with the file's entry of the same name")
        .isEqualTo("registry.example.com/nginx:1.26");
    for (KubeObject object : set.objects()) {
      assertThat(object.labels()).containsEntry("team", "blue");
      assertThat(object.annotations()).containsEntry("owner", "platform");
    }
    assertThat(deployment.node().at("/spec/selector/matchLabels").toString())
        .as("commonMetadata touches object metadata only")
        .isEqualTo("{\"app\":\"web\"}");
  }

  @Test
  void aMissingComponentFailsUnlessIgnored() {
    Path artifact = write(tmp.resolve("a"), "app/cm.yaml", configMap("c", ""));

    assertThatThrownBy(
            () ->
                renderer.render(
                    artifact, spec("path: app\ncomponents:\n- nope\n"), RenderInputs.none()))
        .isInstanceOf(RenderException.class)
        .hasMessageStartingWith("kustomize build failed:")
        .hasMessageContaining("nope")
        .hasMessageNotContaining("cairn-render-")
        .extracting(e -> ((RenderException) e).reason())
        .isEqualTo(Reason.KUSTOMIZE_FAILED);
    assertThatThrownBy(
            () ->
                renderer.render(
                    artifact,
                    spec("path: app\ncomponents:\n- https://github.com/x/y\n"),
                    RenderInputs.none()))
        .hasMessage("component path 'https://github.com/x/y' must be local and relative");
  }

  @Test
  void missingAndEscapingPathsAreRefused() {
    Path artifact = write(tmp.resolve("a"), "app/cm.yaml", configMap("c", ""));

    assertThatThrownBy(() -> renderer.render(artifact, spec("path: ./nope\n"), RenderInputs.none()))
        .hasMessage("path './nope' not found in the source artifact");
    assertThatThrownBy(() -> renderer.render(artifact, spec("path: ../\n"), RenderInputs.none()))
        .hasMessage("path '../' points outside the source root");
  }

  @Test
  void substitutesVariablesFromInputsAndSpecWithSpecWinning() {
    Path artifact =
        write(
            tmp.resolve("a"),
            "app/config.yaml",
            configMap(
                "settings",
                """
                data:
                  domain: ${cluster_domain}
                  region: ${region}
                  env: ${env:=dev}
                  literal: $${cluster_domain}
                """));
    var spec =
        spec(
            """
            path: app
            postBuild:
              substitute:
                region: eu-west-1
              substituteFrom:
              - kind: ConfigMap
                name: cluster-vars
            """);
    RenderInputs inputs =
        RenderInputs.fromSources(
            List.of(
                Map.of("cluster_domain", "old.example.com", "region", "us-east-1"),
                Map.of("cluster_domain", "prod.example.com")));

    KubeObject cm = renderer.render(artifact, spec, inputs).objects().get(0);

    assertThat(cm.node().get("data").toString())
        .isEqualTo(
            "{\"domain\":\"prod.example.com\",\"env\":\"dev\","
                + "\"literal\":\"${cluster_domain}\",\"region\":\"eu-west-1\"}");
  }

  @Test
  void strictSubstitutionNamesTheVariableTheObjectAndItsFile() {
    Path artifact =
        write(
            tmp.resolve("a"),
            "app/kustomization.yaml",
            "resources:\n- ../base\n",
            "base/kustomization.yaml",
            "resources:\n- ingress.yaml\n",
            "base/ingress.yaml",
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              namespace: apps
            spec:
              rules:
              - host: web.${cluster_domain}
            """);
    var spec = spec("path: app\npostBuild:\n  substitute:\n    other: x\n");

    assertThatThrownBy(() -> renderer.render(artifact, spec, RenderInputs.none()))
        .isInstanceOf(RenderException.class)
        .hasMessage(
            "post build failed for Ingress/apps/web (base/ingress.yaml:1): variable"
                + " \"cluster_domain\" is not set and has no default (line 8 of the object as YAML)")
        .extracting(e -> ((RenderException) e).reason())
        .isEqualTo(Reason.SUBSTITUTION_FAILED);

    RenderedSet lenient =
        new KustomizationRenderer(RenderOptions.defaults().withStrictSubstitution(false))
            .render(artifact, spec, RenderInputs.none());
    assertThat(lenient.objects().get(0).node().at("/spec/rules/0/host").asText()).isEqualTo("web.");
  }

  @Test
  void substitutionThatBreaksYamlNamesTheObject() {
    Path artifact = write(tmp.resolve("a"), "app/cm.yaml", configMap("c", "data:\n  k: ${v}\n"));
    var spec = spec("path: app\npostBuild:\n  substitute:\n    v: 'a: b'\n");

    assertThatThrownBy(() -> renderer.render(artifact, spec, RenderInputs.none()))
        .hasMessageStartingWith("post build failed for ConfigMap/c (")
        .hasMessageContaining("substituted text is not valid YAML")
        .hasMessageNotContaining("a: b");
  }

  @Test
  void noPostBuildMeansNoSubstitution() {
    Path artifact = write(tmp.resolve("a"), "app/cm.yaml", configMap("c", "data:\n  k: ${v}\n"));

    KubeObject cm =
        renderer.render(artifact, spec("path: app\n"), RenderInputs.none()).objects().get(0);

    assertThat(cm.node().at("/data/k").asText()).isEqualTo("${v}");
  }

  @Test
  void invalidVariableNamesFailTheRender() {
    Path artifact = write(tmp.resolve("a"), "app/cm.yaml", configMap("c", ""));
    var spec = spec("path: app\npostBuild:\n  substitute:\n    ok: x\n");

    assertThatThrownBy(
            () -> renderer.render(artifact, spec, new RenderInputs(Map.of("bad.name", "v"))))
        .hasMessage(
            "post build failed: 'bad.name' var name is invalid, must match '^[_A-Za-z][_A-Za-z0-9]*$'");
  }

  @Test
  void digestIsStableAndFollowsTheOutput() {
    Path artifact = write(tmp.resolve("a"), "app/cm.yaml", configMap("c", "data:\n  k: ${v}\n"));
    var spec =
        spec("path: app\npostBuild:\n  substituteFrom:\n  - kind: ConfigMap\n    name: vars\n");

    RenderedSet one = renderer.render(artifact, spec, new RenderInputs(Map.of("v", "1")));
    RenderedSet again = renderer.render(artifact, spec, new RenderInputs(Map.of("v", "1")));
    RenderedSet other = renderer.render(artifact, spec, new RenderInputs(Map.of("v", "2")));

    assertThat(again.digest()).isEqualTo(one.digest());
    assertThat(other.digest()).isNotEqualTo(one.digest());
    assertThat(one.toString()).doesNotContain("data");
    assertThat(new RenderInputs(Map.of("v", "secret-value")).toString())
        .doesNotContain("secret-value");
  }

  @Test
  void symlinksInsideTheArtifactWorkAndSymlinksOutAreRefused() throws IOException {
    Path outside = write(tmp.resolve("outside"), "secret.yaml", configMap("stolen", ""));
    Path artifact =
        write(
            tmp.resolve("a"),
            "shared/cm.yaml",
            configMap("shared", ""),
            "app/own.yaml",
            configMap("own", ""));
    Files.createSymbolicLink(artifact.resolve("app/linked.yaml"), Path.of("../shared/cm.yaml"));

    RenderedSet set = renderer.render(artifact, spec("path: app\n"), RenderInputs.none());
    assertThat(ids(set)).containsExactlyInAnyOrder("ConfigMap/shared", "ConfigMap/own");

    Files.createSymbolicLink(
        artifact.resolve("app/escape.yaml"), outside.resolve("secret.yaml").toAbsolutePath());
    assertThatThrownBy(() -> renderer.render(artifact, spec("path: app\n"), RenderInputs.none()))
        .isInstanceOf(RenderException.class)
        .hasMessageStartingWith("kustomize build failed:")
        .hasMessageContaining("escape.yaml")
        .extracting(e -> ((RenderException) e).reason())
        .isEqualTo(Reason.KUSTOMIZE_FAILED);
  }

  @Test
  void aYamlFileThatIsNoKubernetesObjectFailsNamingTheFile() {
    Path artifact =
        write(
            tmp.resolve("a"),
            "app/cm.yaml",
            configMap("c", ""),
            "app/values.yaml",
            "replicaCount: 2\nimage:\n  tag: latest\n");

    assertThatThrownBy(() -> renderer.render(artifact, spec("path: app\n"), RenderInputs.none()))
        .isInstanceOf(RenderException.class)
        .hasMessageStartingWith("kustomize build failed:")
        .hasMessageContaining("values.yaml");
  }

  @Test
  void anObjectWithoutANameIsRefused() {
    Path artifact =
        write(tmp.resolve("a"), "app/cm.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n");

    assertThatThrownBy(() -> renderer.render(artifact, spec("path: app\n"), RenderInputs.none()))
        .isInstanceOf(RenderException.class)
        .hasMessageStartingWith("kustomize build failed: app/cm.yaml:1: ");
  }
}

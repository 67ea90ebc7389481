package dev.cairn.controller;

import static dev.cairn.controller.GitOpsFixture.isReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.image.ImagePolicy;
import dev.cairn.api.image.ImageRepository;
import dev.cairn.api.image.ImageUpdateAutomation;
import dev.cairn.api.source.GitRepository;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import dev.cairn.testkit.registry.OciArtifactPusher;
import dev.cairn.testkit.registry.OciRegistry;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The image automation end to end, on a fleet laid out as users lay it out: {@code apps/base} and
 * overlays {@code dev} (main-branch builds), {@code staging} (releases) with setter markers, {@code
 * prod} pinned without markers, and a marked file outside {@code update.path}. The registry (basic
 * auth) holds a realistic tag list; the automation commits the picks to dev and staging, the
 * Kustomizations apply them, and a second push to the registry makes a second commit.
 */
@ExtendWith(ClusterExtension.class)
class ImageAutomationRuntimeIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String USER = "ci";
  private static final String PASSWORD = "registry-pa55word-never-shown";
  private static GitOpsFixture fixture;
  private static OciRegistry registry;
  private static CairnRuntime runtime;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    fixture = GitOpsFixture.start(cluster);
    registry = OciRegistry.startWithHtpasswd(fixture.temp.resolve("registry"), USER, PASSWORD);
    runtime = new CairnRuntime(cluster.client(), fixture.options("image"));
    runtime.start();
    await().atMost(WAIT).until(runtime::isReady);
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
    if (registry != null) {
      registry.close();
    }
    fixture.close();
  }

  private static void pushTags(String... tags) {
    OciArtifactPusher pusher = new OciArtifactPusher(registry.host(), USER, PASSWORD);
    for (String tag : tags) {
      pusher.push(
          "acme/api",
          tag,
          "application/vnd.oci.image.config.v1+json",
          ("{\"tag\":\"" + tag + "\"}").getBytes(StandardCharsets.UTF_8),
          "application/vnd.oci.image.layer.v1.tar+gzip",
          tag.getBytes(StandardCharsets.UTF_8),
          java.util.Map.of());
    }
  }

  private static String overlay(String prefix, String image, String tagLine) {
    return """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - ../base
        namePrefix: %s-
        images:
          # the API server image
          - name: %s
            %s
        """
        .formatted(prefix, image, tagLine);
  }

  @Test
  void theFleetGetsTheNewTagsCommittedAndApplied(TestCluster cluster) throws Exception {
    KubernetesClient client = cluster.client();
    pushTags(
        "v1.0.0",
        "v1.1.0",
        "v1.2.0-rc.1",
        "v1.9.3",
        "v1.10.0",
        "v2.0.0-beta.1",
        "latest",
        "main-3f2a9c1-1717430400",
        "main-b71e0d4-1717516800",
        "main-0c9d8e2-1717603200",
        "main-9aa01f3-999999999",
        "feature-x-1e4f5aa-1717700000",
        "sha256-5d2f4e8a.sig");
    GitOpsFixture.Repo repo = fixture.repo(cluster, "imgauto");
    String ns = repo.ns();
    String image = registry.host() + "/acme/api";
    GitWorkingCopy work = repo.work();
    work.write(
        "apps/base/deployment.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers:
                - name: api
                  image: %s:v1.0.0
        """
            .formatted(image));
    work.write("apps/base/kustomization.yaml", "resources:\n  - deployment.yaml\n");
    work.write(
        "apps/dev/kustomization.yaml",
        overlay(
            "dev",
            image,
            "newTag: main-b71e0d4-1717516800 # {\"$imagepolicy\": \"" + ns + ":api-main:tag\"}"));
    work.write(
        "apps/staging/kustomization.yaml",
        overlay(
            "staging",
            image,
            "newTag: \"v1.1.0\" # {\"$imagepolicy\": \"" + ns + ":api-release:tag\"}"));
    work.write("apps/prod/kustomization.yaml", overlay("prod", image, "newTag: v1.0.0"));
    String outside =
        "# not under update.path\nimage: "
            + image
            + ":v1.0.0 # {\"$imagepolicy\": \""
            + ns
            + ":api-release\"}\n";
    work.write("infra/pinned.yaml", outside);
    repo.commit("fleet");
    fixture.createSource(repo, "10m");
    fixture.createKustomization(repo, "dev", "10m", "./apps/dev");
    fixture.createKustomization(repo, "staging", "10m", "./apps/staging");
    fixture.createKustomization(repo, "prod", "10m", "./apps/prod");

    String auth =
        Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    create(
        client,
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: registry, namespace: %s}
        type: kubernetes.io/dockerconfigjson
        stringData:
          .dockerconfigjson: '{"auths":{"%s":{"auth":"%s"}}}'
        """
            .formatted(ns, registry.host(), auth),
        io.fabric8.kubernetes.api.model.Secret.class);
    create(
        client,
        """
        apiVersion: cairn.dev/v1
        kind: ImageRepository
        metadata: {name: api, namespace: %s}
        spec: {image: "%s", interval: 10m, insecure: true, secretRef: {name: registry}}
        """
            .formatted(ns, image),
        ImageRepository.class);
    create(
        client,
        """
        apiVersion: cairn.dev/v1
        kind: ImagePolicy
        metadata: {name: api-release, namespace: %s}
        spec:
          imageRepositoryRef: {name: api}
          policy: {semver: {range: ^1.0.0}}
        """
            .formatted(ns),
        ImagePolicy.class);
    create(
        client,
        """
        apiVersion: cairn.dev/v1
        kind: ImagePolicy
        metadata: {name: api-main, namespace: %s}
        spec:
          imageRepositoryRef: {name: api}
          filterTags: {pattern: '^main-[a-f0-9]+-(?P<ts>[0-9]+)', extract: '$ts'}
          policy: {numerical: {order: asc}}
        """
            .formatted(ns),
        ImagePolicy.class);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(latestTag(client, ns, "api-release")).isEqualTo("v1.10.0");
              assertThat(latestTag(client, ns, "api-main")).isEqualTo("main-0c9d8e2-1717603200");
            });
    ImageRepository scanned =
        client.resources(ImageRepository.class).inNamespace(ns).withName("api").get();
    assertThat(scanned.getStatus().getCanonicalImageName()).isEqualTo(image);
    assertThat(scanned.getStatus().getLastScanResult().tagCount())
        .as("the .sig tag is excluded by default")
        .isEqualTo(12);
    assertThat(scanned.getStatus().getObservedExclusionList()).containsExactly("^.*\\.sig$");

    create(
        client,
        """
        apiVersion: cairn.dev/v1
        kind: ImageUpdateAutomation
        metadata: {name: fleet, namespace: %s}
        spec:
          interval: 10m
          sourceRef: {kind: GitRepository, name: repo}
          git:
            checkout: {ref: {branch: main}}
            commit:
              author: {name: Cairn Bot, email: bot@cairn.dev}
              messageTemplate: |
                {{ .Values.prefix }} {{ .AutomationObject.Namespace }}/{{ .AutomationObject.Name }}

                {{ range .Changed.Changes -}}
                - {{ .OldValue }} -> {{ .NewValue }}
                {{ end -}}
              messageTemplateValues: {prefix: "[ci skip]"}
            push: {branch: main}
          update: {path: ./apps, strategy: Setters}
        """
            .formatted(ns),
        ImageUpdateAutomation.class);

    String first = await().atMost(WAIT).until(() -> lastPush(client, ns), c -> c != null);
    GitWorkingCopy check = GitWorkingCopy.init(Files.createTempDirectory(fixture.temp, "check"));
    check.git("fetch", "-q", repo.url(), "+refs/heads/main:refs/remotes/origin/main");
    assertThat(check.git("rev-parse", "origin/main").strip()).isEqualTo(first);
    assertThat(check.git("show", "origin/main:apps/dev/kustomization.yaml"))
        .isEqualTo(
            overlay(
                "dev",
                image,
                "newTag: main-0c9d8e2-1717603200 # {\"$imagepolicy\": \""
                    + ns
                    + ":api-main:tag\"}"));
    assertThat(check.git("show", "origin/main:apps/staging/kustomization.yaml"))
        .contains("newTag: \"v1.10.0\" # {");
    assertThat(check.git("show", "origin/main:apps/prod/kustomization.yaml"))
        .contains("newTag: v1.0.0\n");
    assertThat(check.git("show", "origin/main:infra/pinned.yaml")).isEqualTo(outside);
    assertThat(check.git("log", "-1", "--format=%B", "origin/main").strip())
        .isEqualTo(
            "[ci skip] "
                + ns
                + "/fleet\n\n- main-b71e0d4-1717516800 -> main-0c9d8e2-1717603200\n- v1.1.0 -> v1.10.0");
    assertThat(automation(client, ns).getStatus().getObservedPolicies())
        .containsOnlyKeys("api-main", "api-release");

    requestReconcile(client, GitRepository.class, ns, "repo", "after-first");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(containerImage(client, ns, "dev-api"))
                  .isEqualTo(image + ":main-0c9d8e2-1717603200");
              assertThat(containerImage(client, ns, "staging-api")).isEqualTo(image + ":v1.10.0");
              assertThat(containerImage(client, ns, "prod-api")).isEqualTo(image + ":v1.0.0");
            });

    // A second build and release land in the registry: the policies move, a second commit follows.
    pushTags("v1.11.0", "main-5e5e5e5-1717800000");
    requestReconcile(client, ImageRepository.class, ns, "api", "second-push");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(latestTag(client, ns, "api-main")).isEqualTo("main-5e5e5e5-1717800000"));
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(latestTag(client, ns, "api-release")).isEqualTo("v1.11.0"));
    requestReconcile(client, ImageUpdateAutomation.class, ns, "fleet", "second-push");
    String second =
        await().atMost(WAIT).until(() -> lastPush(client, ns), c -> c != null && !c.equals(first));
    check.git("fetch", "-q", repo.url(), "+refs/heads/main:refs/remotes/origin/main");
    assertThat(check.git("rev-parse", "origin/main~1").strip()).isEqualTo(first);
    assertThat(check.git("rev-parse", "origin/main").strip()).isEqualTo(second);
    assertThat(check.git("show", "origin/main:apps/staging/kustomization.yaml"))
        .contains("newTag: \"v1.11.0\"");

    // Nothing changed since: another run commits nothing.
    requestReconcile(client, ImageUpdateAutomation.class, ns, "fleet", "nothing-new");
    await()
        .atMost(WAIT)
        .until(
            () ->
                automation(client, ns).getStatus() != null
                    && "nothing-new"
                        .equals(automation(client, ns).getStatus().getLastHandledReconcileAt()));
    check.git("fetch", "-q", repo.url(), "+refs/heads/main:refs/remotes/origin/main");
    assertThat(check.git("rev-parse", "origin/main").strip()).isEqualTo(second);
    assertThat(isReady(automation(client, ns).getStatus())).isTrue();

    assertNoSecretIn(client, ns);
  }

  private static void assertNoSecretIn(KubernetesClient client, String ns) {
    var serialization = client.getKubernetesSerialization();
    List<HasMetadata> objects = new java.util.ArrayList<>();
    objects.addAll(client.resources(ImageRepository.class).inNamespace(ns).list().getItems());
    objects.addAll(client.resources(ImagePolicy.class).inNamespace(ns).list().getItems());
    objects.addAll(client.resources(ImageUpdateAutomation.class).inNamespace(ns).list().getItems());
    objects.addAll(client.v1().events().inNamespace(ns).list().getItems());
    String encoded =
        Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    for (HasMetadata object : objects) {
      String text = serialization.asJson(object);
      assertThat(text).doesNotContain(PASSWORD).doesNotContain(encoded);
    }
  }

  private static <T extends HasMetadata> void create(
      KubernetesClient client, String yaml, Class<T> type) {
    client.resource(client.getKubernetesSerialization().unmarshal(yaml, type)).create();
  }

  private static String latestTag(KubernetesClient client, String ns, String name) {
    ImagePolicy policy = client.resources(ImagePolicy.class).inNamespace(ns).withName(name).get();
    return policy == null || policy.getStatus() == null || policy.getStatus().getLatestRef() == null
        ? null
        : policy.getStatus().getLatestRef().tag();
  }

  private static ImageUpdateAutomation automation(KubernetesClient client, String ns) {
    return client.resources(ImageUpdateAutomation.class).inNamespace(ns).withName("fleet").get();
  }

  private static String lastPush(KubernetesClient client, String ns) {
    ImageUpdateAutomation automation = automation(client, ns);
    return automation == null || automation.getStatus() == null
        ? null
        : automation.getStatus().getLastPushCommit();
  }

  private static String containerImage(KubernetesClient client, String ns, String name) {
    Deployment d = client.apps().deployments().inNamespace(ns).withName(name).get();
    return d == null ? null : d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  private static <T extends HasMetadata> void requestReconcile(
      KubernetesClient client, Class<T> kind, String ns, String name, String value) {
    client
        .resources(kind)
        .inNamespace(ns)
        .withName(name)
        .edit(
            o -> {
              var annotations = new HashMap<String, String>();
              if (o.getMetadata().getAnnotations() != null) {
                annotations.putAll(o.getMetadata().getAnnotations());
              }
              annotations.put("reconcile.cairn.dev/requestedAt", value);
              o.getMetadata().setAnnotations(annotations);
              return o;
            });
  }
}

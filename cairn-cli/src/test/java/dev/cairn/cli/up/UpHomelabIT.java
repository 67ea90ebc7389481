package dev.cairn.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.ApplicationSet;
import dev.cairn.cli.Main;
import dev.cairn.sim.git.GitWorkingCopy;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn up --fleet DIR --path k8s/bootstrap} on a homelab repository written as homelab
 * users write it (remote {@code https://github.com/example-user/homelab.git}): the root Application
 * syncs {@code k8s/sets}, whose two directory-generator ApplicationSets make one Application per
 * {@code k8s/infra/*} folder (wave -1) and one per {@code k8s/apps/*}{@code /*} folder (wave 1,
 * {@code wip-*} excluded, the group folder as namespace).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpHomelabIT {
  static final Path FLEET = Path.of("src", "test", "resources", "up", "homelab").toAbsolutePath();
  static final String REMOTE = "https://github.com/example-user/homelab.git";
  static final List<String> INFRA = List.of("cert-manager", "storage", "traefik");
  static final List<String> APPS = List.of("homepage", "jellyfin", "uptime");

  @TempDir static Path temp;
  private UpSession session;
  private KubernetesClient kubectl;
  private final StringWriter printed = new StringWriter();

  @BeforeAll
  void start() throws Exception {
    Path fleet = temp.resolve("homelab");
    GitWorkingCopy clone = GitWorkingCopy.init(fleet);
    try (Stream<Path> files = Files.walk(FLEET)) {
      files
          .filter(Files::isRegularFile)
          .forEach(f -> write(clone, FLEET.relativize(f).toString(), f));
    }
    clone.git("remote", "add", "origin", REMOTE);
    clone.commitAll("homelab");
    session =
        UpSession.start(
            UpSettings.defaults()
                .withFleet(fleet)
                .withPath("k8s/bootstrap")
                .withWorkDir(temp.resolve("up")),
            RuntimeControllers::start,
            new PrintWriter(printed, true));
    kubectl =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(null, session.kubeconfig().toFile()))
            .build();
  }

  private static void write(GitWorkingCopy clone, String path, Path file) {
    try {
      clone.write(path, Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  void stop() {
    if (kubectl != null) {
      kubectl.close();
    }
    if (session != null) {
      session.close();
    }
  }

  @Test
  void sixApplicationsSyncedAndHealthyInfrastructureFirst() {
    await()
        .atMost(Duration.ofMinutes(4))
        .untilAsserted(
            () -> {
              for (String name : Stream.concat(INFRA.stream(), APPS.stream()).toList()) {
                Application app = app(name);
                assertThat(app).as(name).isNotNull();
                assertThat(app.getStatus()).as(name).isNotNull();
                assertThat(app.getStatus().getSync()).as(name).isNotNull();
                assertThat(app.getStatus().getSync().status()).as(name).isEqualTo("Synced");
                assertThat(app.getStatus().getHealth().status()).as(name).isEqualTo("Healthy");
              }
            });

    assertThat(kubectl.resources(Application.class).inNamespace("argocd").list().getItems())
        .extracting(a -> a.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "root", "cert-manager", "storage", "traefik", "homepage", "jellyfin", "uptime");
    assertThat(configMap("media", "jellyfin-config")).isNotNull();
    assertThat(configMap("tools", "homepage-config")).isNotNull();
    assertThat(configMap("tools", "uptime-config")).isNotNull();
    assertThat(configMap("traefik", "traefik-config")).isNotNull();
    assertThat(kubectl.configMaps().inAnyNamespace().list().getItems())
        .noneMatch(c -> c.getMetadata().getName().startsWith("wip-"));

    Instant lastInfraSynced =
        INFRA.stream()
            .map(name -> Instant.parse(app(name).getStatus().getOperationState().finishedAt()))
            .max(Instant::compareTo)
            .orElseThrow();
    for (String name : APPS) {
      Instant created = Instant.parse(app(name).getMetadata().getCreationTimestamp());
      assertThat(created)
          .as(name + " created after the infrastructure synced")
          .isAfterOrEqualTo(lastInfraSynced);
    }

    String sets = cairn("get", "applicationsets", "-A");
    assertThat(sets.lines().filter(l -> l.startsWith("argocd")))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("True", "Application(s) generated"));
    ApplicationSet apps =
        kubectl.resources(ApplicationSet.class).inNamespace("argocd").withName("apps").get();
    assertThat(apps.getStatus().getResources())
        .extracting(r -> r.name() + ":" + r.status() + ":" + r.health().status())
        .containsExactlyInAnyOrder(
            "homepage:Synced:Healthy", "jellyfin:Synced:Healthy", "uptime:Synced:Healthy");
  }

  private Application app(String name) {
    return kubectl.resources(Application.class).inNamespace("argocd").withName(name).get();
  }

  private ConfigMap configMap(String namespace, String name) {
    return kubectl.configMaps().inNamespace(namespace).withName(name).get();
  }

  private String cairn(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--kubeconfig";
    all[args.length + 1] = session.kubeconfig().toString();
    int code =
        Main.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            all);
    assertThat(code).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }
}

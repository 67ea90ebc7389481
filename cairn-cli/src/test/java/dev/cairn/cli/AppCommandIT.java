package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.api.argo.Application;
import dev.cairn.cli.up.RuntimeControllers;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.git.GitUrlRewrites;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn app sync|diff|history|rollback|wait} against the simulated cluster, a real Git
 * server and the controllers running in this process: a manual-sync Application starts OutOfSync,
 * its diff shows the change (Secret values masked), a dry run and a sync of one resource change
 * only what they say, a sync makes it Synced and Healthy and is listed in the history, a second
 * commit is synced, and a rollback to the first entry brings the first commit's content back.
 */
@ExtendWith(ClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppCommandIT {
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final String SECRET_VALUE = "app-secret-9d81f2";
  private static final String APP = "web";

  @TempDir static Path temp;
  private KubernetesClient client;
  private Path kubeconfig;
  private GitHttpServer git;
  private GitWorkingCopy work;
  private AutoCloseable controllers;
  private String ns;
  private String url;
  private String firstCommit;
  private String secondCommit;

  @BeforeAll
  void start(TestCluster cluster) throws Exception {
    assumeTrue(cluster.isSimulated(), "needs the simulated cluster's kubeconfig");
    client = cluster.client();
    kubeconfig = cluster.simulated().orElseThrow().writeKubeconfig(temp.resolve("kubeconfig"));
    CairnCrdInstaller.installAll(client);
    ns = cluster.createNamespace("app");
    git = GitHttpServer.start(temp.resolve("repos"));
    url = git.createRepository("web");
    work = GitWorkingCopy.init(Files.createDirectories(temp.resolve("work")));
    work.write("app/web.yaml", configMap("web-config", "blue"));
    work.write("app/other.yaml", configMap("other", "one"));
    work.write(
        "app/secret.yaml",
        "apiVersion: v1\nkind: Secret\nmetadata: {name: web-secret}\nstringData: {token: "
            + SECRET_VALUE
            + "}\n");
    firstCommit = work.commitAll("first");
    work.push(url);
    controllers = RuntimeControllers.start(client, temp.resolve("storage"), GitUrlRewrites.none());
    client
        .resources(Application.class)
        .inNamespace(ns)
        .resource(
            Serialization.unmarshal(
                "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: "
                    + APP
                    + ", namespace: "
                    + ns
                    + "}\nspec:\n  project: default\n  source: {repoURL: '"
                    + url
                    + "', path: app, targetRevision: HEAD}\n"
                    + "  destination: {server: 'https://kubernetes.default.svc', namespace: "
                    + ns
                    + "}\n",
                Application.class))
        .create();
  }

  @AfterAll
  void stop() throws Exception {
    if (controllers != null) {
      controllers.close();
    }
    if (git != null) {
      git.close();
    }
  }

  private static String configMap(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "
        + name
        + "}\ndata: {value: "
        + value
        + "}\n";
  }

  private MainTest.Result cairn(String... args) {
    List<String> all = new ArrayList<>(List.of("app"));
    all.addAll(List.of(args));
    all.addAll(List.of("--kubeconfig", kubeconfig.toString(), "-n", ns));
    return MainTest.run(all.toArray(String[]::new));
  }

  private Application app() {
    return client.resources(Application.class).inNamespace(ns).withName(APP).get();
  }

  private ConfigMap configMap(String name) {
    return client.configMaps().inNamespace(ns).withName(name).get();
  }

  @Test
  @Order(1)
  void aManualApplicationIsOutOfSyncAndItsDiffShowsTheChangeWithoutSecretValues() {
    await()
        .atMost(WAIT)
        .until(
            () ->
                app().getStatus() != null
                    && app().getStatus().getSync() != null
                    && "OutOfSync".equals(app().getStatus().getSync().status()));
    MainTest.Result diff = cairn("diff", APP);
    assertThat(diff.code()).as(diff.err()).isEqualTo(1);
    assertThat(diff.out())
        .contains("===== ConfigMap/" + ns + "/web-config", "+  value: blue", "web-secret", "***")
        .doesNotContain(SECRET_VALUE);
    assertThat(diff.err()).contains("3 of 3 objects differ");
    assertThat(configMap("web-config")).isNull();
  }

  @Test
  @Order(2)
  void ctrlCStopsAWaitWithinSecondsWithExitCode130() throws Exception {
    assumeFalse(sigintIgnoredHere(), "SIGINT is ignored by this JVM (a background job)");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "app",
                "wait",
                APP,
                "--sync",
                "--kubeconfig",
                kubeconfig.toString(),
                "-n",
                ns)
            .redirectErrorStream(true)
            .start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
              } catch (IOException closed) {
                // the child is gone
              }
            });
    reader.setDaemon(true);
    reader.start();
    await()
        .atMost(WAIT)
        .until(() -> lines.contains("► web: sync OutOfSync, health Missing") || !child.isAlive());
    assertThat(child.isAlive()).as(String.join("\n", lines)).isTrue();
    Process kill =
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
    boolean exited = child.waitFor(10, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    assertThat(exited).as("exited within 10 s:\n" + String.join("\n", lines)).isTrue();
    assertThat(child.exitValue()).as(String.join("\n", lines)).isEqualTo(130);
  }

  private static boolean sigintIgnoredHere() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseLong(line.substring(7).strip(), 16) & 0b10) != 0;
      }
    }
    return false;
  }

  @Test
  @Order(3)
  void aDryRunReportsWhatWouldChangeAndChangesNothing() {
    MainTest.Result sync = cairn("sync", APP, "--dry-run", "--timeout", "60s");
    assertThat(sync.code()).as(sync.err() + sync.out()).isZero();
    assertThat(sync.out())
        .contains("Phase:", "Succeeded", "configmap/web-config created (dry run)")
        .contains("GROUP", "KIND", "NAMESPACE", "NAME", "STATUS", "HEALTH", "HOOK", "MESSAGE");
    assertThat(configMap("web-config")).isNull();
    assertThat(configMap("other")).isNull();
    assertThat(app().getStatus().getHistory()).isNullOrEmpty();
    assertThat(app().getOperation()).isNull();
  }

  @Test
  @Order(4)
  void aSyncOfOneResourceAppliesOnlyThatOne() {
    MainTest.Result sync = cairn("sync", APP, "--resource", ":ConfigMap:other", "--timeout", "60s");
    assertThat(sync.code()).as(sync.err() + sync.out()).isZero();
    assertThat(sync.out()).contains("other", "configmap/other created");
    assertThat(configMap("other").getData()).containsEntry("value", "one");
    assertThat(configMap("web-config")).isNull();
    assertThat(client.secrets().inNamespace(ns).withName("web-secret").get()).isNull();
    assertThat(app().getStatus().getHistory()).as("a partial sync is not history").isNullOrEmpty();
  }

  @Test
  @Order(5)
  void aSyncNamingAResourceTheApplicationLacksFailsAndEndsTheOperation() {
    MainTest.Result sync =
        cairn("sync", APP, "--resource", ":ConfigMap:missing", "--timeout", "60s");
    assertThat(sync.code()).isEqualTo(1);
    assertThat(sync.err()).contains("sync Failed", ":ConfigMap:missing is not a resource");
    assertThat(app().getOperation()).isNull();
  }

  @Test
  @Order(6)
  void aSyncMakesItSyncedAndHealthyAndIsListedInTheHistory() {
    MainTest.Result sync = cairn("sync", APP, "--timeout", "60s");
    assertThat(sync.code()).as(sync.err() + sync.out()).isZero();
    assertThat(sync.out())
        .containsPattern("Sync Revision: +" + firstCommit)
        .contains("successfully synced (all tasks run)")
        .doesNotContain(SECRET_VALUE);
    assertThat(sync.out().lines().filter(l -> l.contains("web-config")))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("ConfigMap", ns, "Synced", "Healthy"));
    assertThat(configMap("web-config").getData()).containsEntry("value", "blue");

    MainTest.Result wait = cairn("wait", APP, "--timeout", "60s");
    assertThat(wait.code()).as(wait.err() + wait.out()).isZero();
    assertThat(wait.out()).contains("✔ web is Synced and Healthy");

    MainTest.Result diff = cairn("diff", APP);
    assertThat(diff.code()).as(diff.out() + diff.err()).isZero();
    assertThat(diff.err()).contains("no differences");

    MainTest.Result history = cairn("history", APP);
    assertThat(history.code()).isZero();
    assertThat(history.out()).contains("ID", "DATE", "REVISION", "SOURCE");
    assertThat(history.out().lines().filter(l -> l.startsWith("0 ")))
        .singleElement()
        .satisfies(l -> assertThat(l).contains(firstCommit, url + " path app"));
  }

  @Test
  @Order(7)
  void aSecondCommitIsSyncedAndARollbackBringsTheFirstBack() {
    work.write("app/web.yaml", configMap("web-config", "green"));
    work.delete("app/other.yaml");
    secondCommit = work.commitAll("second");
    work.push(url);
    MainTest.Result diff = cairn("diff", APP);
    assertThat(diff.code()).as(diff.err()).isEqualTo(1);
    assertThat(diff.out())
        .contains("-  value: blue", "+  value: green")
        .contains("===== ConfigMap/" + ns + "/other", "a sync with --prune deletes it");
    assertThat(diff.err()).contains("2 of 3 objects differ");

    MainTest.Result sync = cairn("sync", APP, "--prune", "--timeout", "60s");
    assertThat(sync.code()).as(sync.err() + sync.out()).isZero();
    assertThat(sync.out()).contains(secondCommit).containsPattern("other +Pruned");
    assertThat(configMap("web-config").getData()).containsEntry("value", "green");
    assertThat(configMap("other")).isNull();

    MainTest.Result rollback = cairn("rollback", APP, "0", "--timeout", "60s");
    assertThat(rollback.code()).as(rollback.err() + rollback.out()).isZero();
    assertThat(rollback.out()).containsPattern("Sync Revision: +" + firstCommit);
    assertThat(configMap("web-config").getData()).containsEntry("value", "blue");
    assertThat(configMap("other").getData()).containsEntry("value", "one");

    MainTest.Result history = cairn("history", APP);
    assertThat(history.out().lines().filter(l -> l.matches("^[012] .*")))
        .extracting(
            l -> l.contains(firstCommit) ? "first" : l.contains(secondCommit) ? "second" : l)
        .containsExactly("first", "second", "first");

    MainTest.Result pinned = cairn("sync", APP, "--revision", secondCommit, "--timeout", "60s");
    assertThat(pinned.code()).as(pinned.err() + pinned.out()).isZero();
    assertThat(pinned.out()).containsPattern("Sync Revision: +" + secondCommit);
    assertThat(configMap("web-config").getData()).containsEntry("value", "green");

    MainTest.Result wait = cairn("wait", APP, "--health", "--timeout", "60s");
    assertThat(wait.code()).as(wait.err() + wait.out()).isZero();
    assertThat(wait.out()).contains("✔ web is Healthy");
  }

  @Test
  @Order(8)
  void aSyncIsRefusedWhileAnotherOperationIsPending() {
    // An operation with a retry policy: the controller refuses it and it stays pending.
    patch("{\"operation\":{\"sync\":{\"prune\":true},\"retry\":{\"limit\":1}}}");
    await()
        .atMost(WAIT)
        .until(
            () ->
                ApplicationOperation.readyMessage(app())
                    .contains("operation.retry is not supported by this version of Cairn"));
    MainTest.Result sync = cairn("sync", APP, "--timeout", "10s");
    assertThat(sync.code()).isEqualTo(1);
    assertThat(sync.err()).contains("another operation is already in progress");
    patch("{\"operation\":null}");
    assertThat(app().getOperation()).isNull();
  }

  @Test
  @Order(9)
  void aRollbackIsRefusedWhileAutomatedSyncIsEnabled() {
    patch("{\"spec\":{\"syncPolicy\":{\"automated\":{}}}}");
    MainTest.Result rollback = cairn("rollback", APP, "0");
    assertThat(rollback.code()).isEqualTo(1);
    assertThat(rollback.err()).contains("rollback cannot be initiated when auto-sync is enabled");
  }

  private void patch(String mergePatch) {
    client
        .resources(Application.class)
        .inNamespace(ns)
        .withName(APP)
        .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
  }
}

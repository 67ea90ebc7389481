package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.cli.cluster.CairnObjectRef;
import dev.cairn.cli.cluster.ObjectStatus;
import dev.cairn.cli.up.RuntimeControllers;
import dev.cairn.cli.up.UpSession;
import dev.cairn.cli.up.UpSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that need a controller at work (reconcile, tree, diff of a live Kustomization),
 * against the simulated cluster of a running {@code cairn up} session.
 */
class ReconcileIT {
  @TempDir static Path work;
  static UpSession session;

  @BeforeAll
  static void up() {
    session =
        UpSession.start(
            UpSettings.defaults().withFleet(UpIT.FLEET).withWorkDir(work),
            RuntimeControllers::start,
            new PrintWriter(new StringWriter()));
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () -> {
              List<ObjectStatus> all = session.statuses();
              return all.size() == 4 && all.stream().allMatch(ObjectStatus::readyTrue);
            });
  }

  @AfterAll
  static void down() {
    if (session != null) {
      session.close();
    }
  }

  static MainTest.Result cairn(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--kubeconfig", session.kubeconfig().toString(), "-n", "cairn-system"));
    return MainTest.run(all.toArray(String[]::new));
  }

  @Test
  void reconcileWithSourceWaitsForBothAndReportsTheRevision() {
    MainTest.Result result = cairn("reconcile", "ks", "apps", "--with-source", "--timeout", "60s");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("► reconciling GitRepository/cairn-system/cairn-system")
        .contains("✔ GitRepository/cairn-system/cairn-system is Ready, revision main@sha1:")
        .contains("► reconciling Kustomization/cairn-system/apps")
        .contains("✔ Kustomization/cairn-system/apps is Ready, revision main@sha1:");
    assertThat(
            session
                .objects()
                .get(
                    new CairnObjectRef(
                        dev.cairn.cli.cluster.CairnKind.Kustomization, "cairn-system", "apps"))
                .lastHandledReconcileAt())
        .isNotNull();
  }

  @Test
  void aSuspendedObjectIsNotReconciled() {
    assertThat(cairn("suspend", "ks", "infrastructure").code()).isZero();
    try {
      MainTest.Result result = cairn("reconcile", "ks", "infrastructure");
      assertThat(result.code()).isEqualTo(ExitCode.FAILED);
      assertThat(result.err()).contains("is suspended; run 'cairn resume' first");
    } finally {
      assertThat(cairn("resume", "ks", "infrastructure").code()).isZero();
    }
  }

  @Test
  void treeShowsTheRootWithItsNestedKustomizations() {
    MainTest.Result result = cairn("tree", "ks", "cairn-system");
    assertThat(result.code()).isZero();
    assertThat(result.out())
        .startsWith("Kustomization/cairn-system/cairn-system\n")
        .contains("── ConfigMap/cairn-system/cluster-config")
        .contains("── Kustomization/cairn-system/apps\n")
        .containsPattern("│   [├└]── Deployment/web/web")
        .contains("    └── Namespace/web");
  }

  @Test
  void diffOfALocalChangeShowsIt() throws Exception {
    Path app = work.resolve("fleet").resolve("apps/web");
    MainTest.Result clean = cairn("diff", "ks", "apps", "--path", app.toString());
    assertThat(clean.out()).isEmpty();
    assertThat(clean.err()).contains("no changes");
    assertThat(clean.code()).isZero();

    Path edited = work.resolve("fleet/apps/edited");
    UpIT.copy(app, edited);
    Files.writeString(
        edited.resolve("settings.yaml"),
        Files.readString(edited.resolve("settings.yaml")).replace("hello", "bonjour"));
    MainTest.Result changed = cairn("diff", "ks", "apps", "--path", edited.toString());
    assertThat(changed.code()).isEqualTo(ExitCode.FAILED);
    assertThat(changed.out())
        .contains("ConfigMap/web/web-settings")
        .contains("-  greeting: hello from test")
        .contains("+  greeting: bonjour from test")
        .doesNotContain("Deployment/web/web");
    assertThat(changed.err()).contains("1 of 2 objects would change");
  }

  @Test
  void getAllShowsWhatUpCreated() {
    MainTest.Result result = cairn("get", "all");
    assertThat(result.out())
        .containsPattern("GitRepository/cairn-system +main@sha1:\\w+ +false +True")
        .containsPattern("Kustomization/apps +main@sha1:\\w+ +false +True +Applied revision");
  }
}

package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.api.schema.CairnCrds;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn check}: {@code --pre} passes for the admin of a fresh cluster and fails, naming each
 * kind, for a user RBAC allows nothing ({@code --as}); without {@code --pre} it fails before {@code
 * cairn install} (CRDs and controller missing) and passes after it.
 */
@ExtendWith(ClusterExtension.class)
class CheckCommandIT {

  @Test
  void prerequisitesPassForTheAdminAndFailForAUserWithoutRights(
      TestCluster cluster, @TempDir Path temp) {
    assumeTrue(cluster.isSimulated(), "needs the simulated cluster's kubeconfig");
    Path admin = cluster.simulated().orElseThrow().writeKubeconfig(temp.resolve("admin"));

    MainTest.Result pre = MainTest.run("check", "--pre", "--kubeconfig", admin.toString());
    assertThat(pre.code()).as(pre.out() + pre.err()).isZero();
    assertThat(pre.out())
        .contains("✔ Kubernetes v1.31.0-cairn-simulated >= 1.29")
        .contains("✔ may create and patch the")
        .contains("✔ all checks passed")
        .doesNotContain("✗")
        .doesNotContain("CRDs");

    MainTest.Result denied =
        MainTest.run("check", "--pre", "--kubeconfig", admin.toString(), "--as", "nobody");
    assertThat(denied.code()).as(denied.out() + denied.err()).isEqualTo(ExitCode.FAILED);
    assertThat(denied.out())
        .contains("✔ Kubernetes v1.31.0")
        .contains("✗ may not create customresourcedefinitions.apiextensions.k8s.io (cluster-wide)")
        .contains("✗ may not patch deployments.apps in namespace cairn-system")
        .contains("✗ may not create namespaces (cluster-wide)")
        .contains("✗ some checks failed");
  }

  @Test
  void installationFailsBeforeAndPassesAfterCairnInstall(TestCluster cluster, @TempDir Path temp) {
    assumeTrue(cluster.isSimulated(), "installs and removes Cairn's CRDs");
    Path kubeconfig = cluster.simulated().orElseThrow().writeKubeconfig(temp.resolve("kubeconfig"));
    String ns = cluster.createNamespace("check");
    String[] check = {"check", "--kubeconfig", kubeconfig.toString(), "-n", ns};

    MainTest.Result before = MainTest.run(check);
    assertThat(before.code()).as(before.out() + before.err()).isEqualTo(ExitCode.FAILED);
    assertThat(before.out())
        .contains("✗ Deployment " + ns + "/cairn-controller not found (cairn install)")
        .contains("✗ some checks failed");
    if (cluster
            .client()
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName("kustomizations.cairn.dev")
            .get()
        == null) {
      assertThat(before.out()).contains("✗ kustomizations.cairn.dev is not installed");
    }

    MainTest.Result install =
        MainTest.run(
            "install", "--kubeconfig", kubeconfig.toString(), "-n", ns, "--timeout", "60s");
    assertThat(install.code()).as(install.err()).isZero();

    MainTest.Result after = MainTest.run(check);
    assertThat(after.code()).as(after.out() + after.err()).isZero();
    assertThat(after.out())
        .contains("✔ kustomizations.cairn.dev (v1)")
        .contains("✔ gitrepositories.cairn.dev (v1)")
        .contains("✔ Deployment " + ns + "/cairn-controller: 1/1 ready")
        .contains("✔ all checks passed")
        .doesNotContain("✗");
    long crdLines =
        Arrays.stream(after.out().split("\n"))
            .filter(l -> l.matches("✔ \\S+\\.\\S+ \\(.*\\)"))
            .count();
    assertThat(crdLines).isEqualTo(CairnCrds.KINDS.size());
  }
}

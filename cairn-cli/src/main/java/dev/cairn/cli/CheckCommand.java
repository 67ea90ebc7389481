package dev.cairn.cli;

import dev.cairn.cli.check.CheckResult;
import dev.cairn.cli.check.ClusterChecks;
import dev.cairn.cli.cluster.ClusterOptions;
import dev.cairn.cli.install.InstallSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn check [--pre]}: one line per check with ✔ or ✗, exit code 1 when one fails, as
 * {@code flux check} does.
 */
@Command(
    name = "check",
    description = {
      "Check that the cluster can run Cairn (--pre: the Kubernetes version and the permissions to"
          + " install) and that Cairn is installed and running (its CRDs and the controller)."
    })
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--pre",
      description = "Only the prerequisites of an install: Kubernetes version and permissions.")
  boolean pre;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<CheckResult> results = new ArrayList<>();
    try (KubernetesClient client = cluster.client()) {
      ClusterChecks checks = new ClusterChecks(client);
      out.println("► checking prerequisites");
      CheckResult version = print(out, results, List.of(checks.kubernetesVersion()));
      if (version.passed()) {
        print(
            out,
            results,
            checks.installPermissions(
                InstallSettings.defaults(CairnVersion.version())
                    .withNamespace(cluster.namespace())));
      }
      if (!pre && version.passed()) {
        out.println("► checking the CRDs");
        print(out, results, checks.crds());
        out.println("► checking the controller");
        print(out, results, List.of(checks.controller(cluster.namespace())));
      }
    }
    boolean passed = results.stream().allMatch(CheckResult::passed);
    out.println(passed ? "✔ all checks passed" : "✗ some checks failed");
    out.flush();
    return passed ? ExitCode.OK : ExitCode.FAILED;
  }

  private static CheckResult print(
      PrintWriter out, List<CheckResult> results, List<CheckResult> lines) {
    lines.forEach(line -> out.println(line.line()));
    out.flush();
    results.addAll(lines);
    return lines.get(0);
  }
}

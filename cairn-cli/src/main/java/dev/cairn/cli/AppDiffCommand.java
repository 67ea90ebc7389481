package dev.cairn.cli;

import dev.cairn.api.argo.Application;
import dev.cairn.cli.cluster.ApplicationDiff;
import dev.cairn.cli.cluster.ApplicationDiff.ObjectDiff;
import dev.cairn.cli.cluster.ClusterOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn app diff NAME}: the Application's desired state against the cluster. */
@Command(
    name = "diff",
    description = {
      "Render the Application's sources at their target revisions as the controller does and"
          + " show a unified diff per object against the cluster (Secret values masked), and the"
          + " objects a sync with --prune would delete.",
      "Exit code (argocd's): 0 when the cluster matches, 1 when there is a difference, 2 on error."
    })
final class AppDiffCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Mixin ClusterOptions cluster;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<ObjectDiff> diffs;
    try (KubernetesClient client = cluster.client();
        ApplicationDiff differ = new ApplicationDiff(client)) {
      Application app = new ApplicationOperation(client, cluster.namespace(), name).get();
      diffs = differ.diff(app);
    } catch (CliException e) {
      throw new CliException(ExitCode.ERRORS, e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new CliException(ExitCode.ERRORS, ErrorHandler.oneLine(e), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    long changed = 0;
    for (ObjectDiff diff : diffs) {
      if (!diff.diff().isEmpty()) {
        changed++;
        out.println("===== " + diff.object() + " ======");
        out.print(diff.diff().endsWith("\n") ? diff.diff() : diff.diff() + "\n");
      }
    }
    out.flush();
    spec.commandLine()
        .getErr()
        .println(
            changed == 0
                ? "no differences: the cluster matches " + name
                : changed + " of " + diffs.size() + " objects differ");
    return changed == 0 ? ExitCode.OK : ExitCode.FAILED;
  }
}

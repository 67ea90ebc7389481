package dev.cairn.cli;

import dev.cairn.cli.cluster.CairnKind;
import dev.cairn.cli.cluster.CairnObjectRef;
import dev.cairn.cli.cluster.CairnObjects;
import dev.cairn.cli.cluster.ClusterOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn suspend KIND NAME} and {@code cairn resume KIND NAME}. */
final class SuspendCommand {

  private SuspendCommand() {}

  /** Shared by both commands: the object and the cluster. */
  abstract static class Toggle implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KIND", description = "e.g. kustomization, hr, gitrepo.")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Mixin ClusterOptions cluster;
    @Spec CommandSpec spec;

    abstract boolean suspend();

    @Override
    public Integer call() {
      CairnObjectRef ref = new CairnObjectRef(CairnKind.require(kind), cluster.namespace(), name);
      try (KubernetesClient client = cluster.client()) {
        boolean changed = new CairnObjects(client).setSuspended(ref, suspend());
        String state = suspend() ? "suspended" : "resumed";
        spec.commandLine()
            .getOut()
            .println(ref + (changed ? " " + state : " was already " + state));
      }
      return ExitCode.OK;
    }
  }

  @Command(name = "suspend", description = "Stop reconciling an object (sets spec.suspend).")
  static final class Suspend extends Toggle {
    @Override
    boolean suspend() {
      return true;
    }
  }

  @Command(name = "resume", description = "Reconcile a suspended object again.")
  static final class Resume extends Toggle {
    @Override
    boolean suspend() {
      return false;
    }
  }
}

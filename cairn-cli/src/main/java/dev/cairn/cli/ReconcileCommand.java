package dev.cairn.cli;

import dev.cairn.cli.cluster.CairnKind;
import dev.cairn.cli.cluster.CairnObjectRef;
import dev.cairn.cli.cluster.CairnObjects;
import dev.cairn.cli.cluster.ClusterOptions;
import dev.cairn.cli.cluster.ObjectStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn reconcile KIND NAME [--with-source]}: trigger a reconciliation and wait for it. */
@Command(
    name = "reconcile",
    description = {
      "Ask the controller to reconcile an object now, wait until it has, and report the outcome.",
      "Sets the annotation reconcile.cairn.dev/requestedAt; exits 1 when the object is not Ready."
    })
final class ReconcileCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "KIND", description = "e.g. kustomization, hr, gitrepo.")
  String kind;

  @Parameters(index = "1", paramLabel = "NAME")
  String name;

  @Option(names = "--with-source", description = "Reconcile the object's source first.")
  boolean withSource;

  @Option(
      names = "--timeout",
      defaultValue = "5m",
      paramLabel = "DURATION",
      description = "How long to wait, e.g. 90s, 5m (default: ${DEFAULT-VALUE}).",
      converter = DurationConverter.class)
  Duration timeout;

  @Mixin ClusterOptions cluster;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CairnObjectRef ref = new CairnObjectRef(CairnKind.require(kind), cluster.namespace(), name);
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient client = cluster.client()) {
      CairnObjects objects = new CairnObjects(client);
      if (objects.get(ref).suspended()) {
        throw new CliException(ExitCode.FAILED, ref + " is suspended; run 'cairn resume' first");
      }
      if (withSource) {
        CairnObjectRef source =
            objects
                .sourceOf(ref)
                .orElseThrow(() -> new CliException(ExitCode.FAILED, ref + " has no source"));
        if (!reconcile(objects, source, out)) {
          return ExitCode.FAILED;
        }
      }
      return reconcile(objects, ref, out) ? ExitCode.OK : ExitCode.FAILED;
    }
  }

  private boolean reconcile(CairnObjects objects, CairnObjectRef ref, PrintWriter out) {
    out.println("► reconciling " + ref);
    out.flush();
    String token = objects.requestReconcile(ref);
    ObjectStatus status = objects.awaitHandled(ref, token, timeout);
    if (status.readyTrue()) {
      out.println("✔ " + ref + " is Ready, revision " + status.revision());
    } else {
      out.println(
          "✗ "
              + ref
              + " is not Ready ("
              + (status.reason() == null ? status.ready() : status.reason())
              + "): "
              + status.message());
    }
    out.flush();
    return status.readyTrue();
  }
}

package dev.cairn.cli;

import dev.cairn.cli.cluster.ClusterEvents;
import dev.cairn.cli.cluster.ClusterEvents.EventLine;
import dev.cairn.cli.cluster.ClusterOptions;
import dev.cairn.cli.output.OutputOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn events [--for KIND/NAME]}: the events Cairn (and others) recorded. */
@Command(name = "events", description = "Show events, oldest first, optionally of one object.")
final class EventsCommand implements Callable<Integer> {

  @Option(
      names = "--for",
      paramLabel = "KIND/NAME",
      description = "Only the events of this object, e.g. Kustomization/apps.")
  String forObject;

  @Mixin ClusterOptions cluster;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (KubernetesClient client = cluster.client()) {
      List<EventLine> events = new ClusterEvents(client).list(cluster.scope(), forObject);
      output
          .printer()
          .print(
              spec.commandLine().getOut(),
              List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"),
              events,
              e ->
                  List.of(
                      e.lastSeen(),
                      e.type(),
                      e.reason(),
                      e.object(),
                      e.message().replace('\n', ' ')));
    }
    return ExitCode.OK;
  }
}

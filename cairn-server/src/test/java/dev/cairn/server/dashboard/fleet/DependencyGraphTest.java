package dev.cairn.server.dashboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {
  private static FleetObject object(
      String kind, String name, FleetHealth health, List<FleetRef> sources, List<FleetRef> deps) {
    return new FleetObject(
        new FleetRef(kind, "ns", name),
        "cairn.dev/v1",
        health,
        "True",
        "",
        "",
        "",
        false,
        sources,
        deps,
        List.of(),
        JsonNodeFactory.instance.objectNode());
  }

  @Test
  void placesObjectsByLongestPathAndMarksWhatIsDownstreamOfAFailure() {
    FleetRef git = new FleetRef("GitRepository", "ns", "fleet");
    FleetRef infra = new FleetRef("Kustomization", "ns", "infra");
    FleetRef apps = new FleetRef("Kustomization", "ns", "apps");
    FleetRef other = new FleetRef("Kustomization", "ns", "other");
    DependencyGraph graph =
        DependencyGraph.of(
            List.of(
                object("GitRepository", "fleet", FleetHealth.HEALTHY, List.of(), List.of()),
                object("Kustomization", "infra", FleetHealth.FAILED, List.of(git), List.of()),
                object("Kustomization", "apps", FleetHealth.HEALTHY, List.of(git), List.of(infra)),
                object("Kustomization", "other", FleetHealth.HEALTHY, List.of(git), List.of())));

    assertThat(graph.node(git).column()).isZero();
    assertThat(graph.node(infra).column()).isEqualTo(1);
    assertThat(graph.node(apps).column()).isEqualTo(2);
    assertThat(graph.node(apps).failingPath()).isTrue();
    assertThat(graph.node(other).failingPath()).isFalse();
    assertThat(graph.edges())
        .contains(
            new DependencyGraph.Edge(git, infra, false, true),
            new DependencyGraph.Edge(infra, apps, true, true),
            new DependencyGraph.Edge(git, other, false, false));
  }

  @Test
  void aCycleDoesNotLoop() {
    FleetRef a = new FleetRef("Kustomization", "ns", "a");
    FleetRef b = new FleetRef("Kustomization", "ns", "b");
    DependencyGraph graph =
        DependencyGraph.of(
            List.of(
                object("Kustomization", "a", FleetHealth.HEALTHY, List.of(), List.of(b)),
                object("Kustomization", "b", FleetHealth.HEALTHY, List.of(), List.of(a))));
    assertThat(graph.nodes()).hasSize(2);
  }
}

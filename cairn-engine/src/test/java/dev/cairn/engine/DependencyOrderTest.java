package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.DependencyReference;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DependencyOrderTest {

  /**
   * {@code "a:b,c"} is Kustomization a in namespace ns depending on b and c ("x/b" for another
   * namespace).
   */
  private static Kustomization ks(String line) {
    String[] parts = line.split(":", -1);
    List<DependencyReference> deps =
        parts[1].isEmpty()
            ? null
            : Arrays.stream(parts[1].split(","))
                .map(
                    d ->
                        d.contains("/")
                            ? new DependencyReference(d.split("/")[1], d.split("/")[0], null)
                            : new DependencyReference(d, null, null))
                .toList();
    Kustomization k = new Kustomization();
    k.setMetadata(new ObjectMetaBuilder().withName(parts[0]).withNamespace("ns").build());
    k.setSpec(
        new KustomizationSpec(
            null, deps, null, "1m", null, null, null, null, true, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null));
    return k;
  }

  static Stream<Arguments> graphs() {
    return Stream.of(
        Arguments.of(List.of("a:b", "b:c", "c:"), "a", null),
        Arguments.of(List.of("a:b", "b:a"), "a", "ns/a -> ns/b -> ns/a"),
        Arguments.of(List.of("a:a"), "a", "ns/a -> ns/a"),
        Arguments.of(List.of("a:b,c", "b:", "c:d", "d:a"), "a", "ns/a -> ns/c -> ns/d -> ns/a"),
        Arguments.of(List.of("a:b", "b:c", "c:b"), "a", null),
        Arguments.of(List.of("a:b", "b:c", "c:b"), "b", "ns/b -> ns/c -> ns/b"),
        Arguments.of(List.of("a:other/a", "b:"), "a", null),
        Arguments.of(List.of("a:missing"), "a", null));
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("graphs")
  void findsCyclesThroughTheObject(List<String> graph, String from, String cycle) {
    DependencyOrder order =
        DependencyOrder.of(graph.stream().map(DependencyOrderTest::ks).toList());

    if (cycle == null) {
      assertThat(order.cycleThrough("ns", from)).isEmpty();
      order.requireAcyclic("ns", from);
    } else {
      assertThat(order.cycleThrough("ns", from)).contains(List.of(cycle.split(" -> ")));
      assertThatThrownBy(() -> order.requireAcyclic("ns", from))
          .isInstanceOf(ReconcileException.Stalled.class)
          .hasMessage("dependsOn forms a cycle: " + cycle)
          .extracting(e -> ((ReconcileException) e).reason())
          .isEqualTo("DependencyCycle");
    }
  }
}

package dev.cairn.server.dashboard.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph across kinds: an edge from each source to what reads it ({@code sourceRef}, chart
 * sources, the HelmChart of a HelmRelease) and from each {@code dependsOn} target to its dependent.
 * Nodes are placed in columns by their longest path from a root; an object is on a failing path
 * when it fails or anything upstream of it does.
 */
public final class DependencyGraph {
  /** One placed node. */
  public record Node(FleetObject object, int column, int row, boolean failingPath) {}

  /** One edge; {@code dependency} for dependsOn, else a source reference. */
  public record Edge(FleetRef from, FleetRef to, boolean dependency, boolean failing) {}

  private final Map<FleetRef, Node> nodes;
  private final List<Edge> edges;

  private DependencyGraph(Map<FleetRef, Node> nodes, List<Edge> edges) {
    this.nodes = nodes;
    this.edges = edges;
  }

  /** The graph of {@code objects} (edges to objects not among them are left out). */
  public static DependencyGraph of(List<FleetObject> objects) {
    Map<FleetRef, FleetObject> byRef = new LinkedHashMap<>();
    objects.forEach(o -> byRef.put(o.ref(), o));
    Map<FleetRef, List<FleetRef>> inputs = new HashMap<>();
    List<Edge> raw = new ArrayList<>();
    for (FleetObject object : objects) {
      for (FleetRef source : object.sources()) {
        if (byRef.containsKey(source)) {
          inputs.computeIfAbsent(object.ref(), k -> new ArrayList<>()).add(source);
          raw.add(new Edge(source, object.ref(), false, false));
        }
      }
      for (FleetRef dependency : object.dependsOn()) {
        if (byRef.containsKey(dependency)) {
          inputs.computeIfAbsent(object.ref(), k -> new ArrayList<>()).add(dependency);
          raw.add(new Edge(dependency, object.ref(), true, false));
        }
      }
    }
    Map<FleetRef, Integer> columns = new HashMap<>();
    Map<FleetRef, Boolean> failing = new HashMap<>();
    for (FleetRef ref : byRef.keySet()) {
      column(ref, inputs, columns, new HashSet<>());
      failing(ref, byRef, inputs, failing, new HashSet<>());
    }
    Map<Integer, Integer> rows = new HashMap<>();
    Map<FleetRef, Node> nodes = new LinkedHashMap<>();
    for (FleetObject object : objects) {
      int column = columns.get(object.ref());
      int row = rows.merge(column, 1, Integer::sum) - 1;
      nodes.put(object.ref(), new Node(object, column, row, failing.get(object.ref())));
    }
    List<Edge> edges =
        raw.stream()
            .map(
                e ->
                    new Edge(
                        e.from(),
                        e.to(),
                        e.dependency(),
                        failing.get(e.from()) || byRef.get(e.to()).failing()))
            .toList();
    return new DependencyGraph(nodes, edges);
  }

  private static int column(
      FleetRef ref,
      Map<FleetRef, List<FleetRef>> inputs,
      Map<FleetRef, Integer> memo,
      Set<FleetRef> path) {
    Integer known = memo.get(ref);
    if (known != null) {
      return known;
    }
    if (!path.add(ref)) {
      return 0; // a dependency cycle: the engine reports it; the graph just stops walking
    }
    int column = 0;
    for (FleetRef input : inputs.getOrDefault(ref, List.of())) {
      column = Math.max(column, column(input, inputs, memo, path) + 1);
    }
    path.remove(ref);
    memo.put(ref, column);
    return column;
  }

  private static boolean failing(
      FleetRef ref,
      Map<FleetRef, FleetObject> byRef,
      Map<FleetRef, List<FleetRef>> inputs,
      Map<FleetRef, Boolean> memo,
      Set<FleetRef> path) {
    Boolean known = memo.get(ref);
    if (known != null) {
      return known;
    }
    boolean result = byRef.get(ref).failing();
    if (path.add(ref)) {
      for (FleetRef input : inputs.getOrDefault(ref, List.of())) {
        result |= failing(input, byRef, inputs, memo, path);
      }
      path.remove(ref);
    }
    memo.put(ref, result);
    return result;
  }

  public List<Node> nodes() {
    return List.copyOf(nodes.values());
  }

  public List<Edge> edges() {
    return edges;
  }

  public Node node(FleetRef ref) {
    return nodes.get(ref);
  }
}

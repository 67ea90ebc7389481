package dev.cairn.engine;

import dev.cairn.api.DependencyReference;
import dev.cairn.api.kustomize.Kustomization;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code dependsOn} graph of a set of Kustomizations. A cycle can never become ready, so it is
 * reported as {@link ReconcileException.Stalled} with reason {@value #CYCLE_REASON} (Cairn's own
 * reason: Flux has none and waits forever). Dependencies missing from the set are not edges here:
 * they are a {@code Waiting} matter for the dependency check.
 */
public final class DependencyOrder {
  public static final String CYCLE_REASON = "DependencyCycle";

  private final Map<String, List<String>> edges = new HashMap<>();

  private DependencyOrder(Collection<Kustomization> all) {
    for (Kustomization k : all) {
      String self = keyOf(k.getMetadata().getNamespace(), k.getMetadata().getName());
      List<String> targets = new ArrayList<>();
      List<DependencyReference> deps = k.getSpec() == null ? null : k.getSpec().dependsOn();
      if (deps != null) {
        for (DependencyReference dep : deps) {
          String ns =
              dep.namespace() == null || dep.namespace().isEmpty()
                  ? k.getMetadata().getNamespace()
                  : dep.namespace();
          targets.add(keyOf(ns, dep.name()));
        }
      }
      edges.put(self, targets);
    }
  }

  public static DependencyOrder of(Collection<Kustomization> all) {
    return new DependencyOrder(all);
  }

  /** {@code namespace/name}, the node names used in cycle paths. */
  public static String keyOf(String namespace, String name) {
    return namespace + "/" + name;
  }

  /**
   * A cycle that goes through {@code namespace/name}, as the path {@code [a, b, a]}; empty when
   * there is none.
   */
  public Optional<List<String>> cycleThrough(String namespace, String name) {
    String start = keyOf(namespace, name);
    LinkedHashSet<String> path = new LinkedHashSet<>();
    path.add(start);
    return search(start, start, path, new LinkedHashSet<>());
  }

  private Optional<List<String>> search(
      String start, String node, LinkedHashSet<String> path, LinkedHashSet<String> done) {
    for (String next : edges.getOrDefault(node, List.of())) {
      if (next.equals(start)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(start);
        return Optional.of(cycle);
      }
      if (path.contains(next) || done.contains(next)) {
        continue;
      }
      path.add(next);
      Optional<List<String>> found = search(start, next, path, done);
      if (found.isPresent()) {
        return found;
      }
      path.remove(next);
      done.add(next);
    }
    return Optional.empty();
  }

  /**
   * @throws ReconcileException.Stalled when {@code namespace/name} is part of a cycle
   */
  public void requireAcyclic(String namespace, String name) {
    cycleThrough(namespace, name)
        .ifPresent(
            cycle -> {
              throw new ReconcileException.Stalled(
                  CYCLE_REASON, "dependsOn forms a cycle: " + String.join(" -> ", cycle));
            });
  }
}

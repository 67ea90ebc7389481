package dev.cairn.engine.kustomize;

import static org.awaitility.Awaitility.await;

import dev.cairn.api.ConditionTypes;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.source.GitRepository;
import dev.cairn.engine.Trigger;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Test utility playing a controller for one namespace: reconciles every GitRepository, then every
 * Kustomization there (objects that Kustomizations create included), again and again until all are
 * Ready at their generation or the timeout passes. Records every Ready reason each Kustomization
 * went through, so tests can assert on the path as well as on the end.
 */
final class Converger {
  private final Harness h;
  private final String namespace;
  private final Map<String, Set<String>> reasons = new LinkedHashMap<>();

  Converger(Harness h, String namespace) {
    this.h = h;
    this.namespace = namespace;
  }

  /** Reconciles until every GitRepository and Kustomization in the namespace is Ready. */
  void untilAllReady(Duration timeout) {
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              pass();
              return allReady();
            });
  }

  /** One reconcile of every GitRepository, then of every Kustomization, by name. */
  void pass() {
    for (String name : names(GitRepository.class)) {
      h.sources.reconcile(namespace, name, Trigger.INTERVAL);
    }
    for (String name : names(Kustomization.class)) {
      h.kustomizations.reconcile(namespace, name, Trigger.INTERVAL);
      Kustomization live = get(Kustomization.class, name);
      if (live != null && live.getStatus() != null) {
        ready(live.getStatus().getConditions())
            .ifPresent(
                c -> reasons.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(c.getReason()));
      }
    }
  }

  /** The Ready reasons each Kustomization had after a pass, in first-seen order. */
  Map<String, Set<String>> reasons() {
    return reasons;
  }

  boolean allReady() {
    List<HasMetadata> all = new ArrayList<>();
    all.addAll(h.client.resources(GitRepository.class).inNamespace(namespace).list().getItems());
    all.addAll(h.client.resources(Kustomization.class).inNamespace(namespace).list().getItems());
    return !all.isEmpty() && all.stream().allMatch(Converger::readyAtGeneration);
  }

  private static boolean readyAtGeneration(HasMetadata object) {
    List<Condition> conditions;
    Long observed;
    if (object instanceof Kustomization k && k.getStatus() != null) {
      conditions = k.getStatus().getConditions();
      observed = k.getStatus().getObservedGeneration();
    } else if (object instanceof GitRepository g && g.getStatus() != null) {
      conditions = g.getStatus().getConditions();
      observed = g.getStatus().getObservedGeneration();
    } else {
      return false;
    }
    return Objects.equals(observed, object.getMetadata().getGeneration())
        && ready(conditions).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  private static java.util.Optional<Condition> ready(List<Condition> conditions) {
    return conditions == null
        ? java.util.Optional.empty()
        : conditions.stream().filter(c -> ConditionTypes.READY.equals(c.getType())).findFirst();
  }

  private <T extends HasMetadata> List<String> names(Class<T> kind) {
    return h.client.resources(kind).inNamespace(namespace).list().getItems().stream()
        .map(o -> o.getMetadata().getName())
        .sorted()
        .toList();
  }

  private <T extends HasMetadata> T get(Class<T> kind, String name) {
    return h.client.resources(kind).inNamespace(namespace).withName(name).get();
  }
}

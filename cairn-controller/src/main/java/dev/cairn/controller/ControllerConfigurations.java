package dev.cairn.controller;

import dev.cairn.engine.ReconcileRequest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.ConfigurationService;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.config.ResolvedControllerConfiguration;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.processing.event.rate.LinearRateLimiter;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Operator SDK configuration of one kind, built in code (the adapter is one generic class, so
 * the SDK cannot read the kind from its type or annotations). Not generation-aware: our own update
 * filter lets through spec changes (a new generation) and new reconcile requests, and drops the
 * status patches the engine writes.
 */
final class ControllerConfigurations {
  private ControllerConfigurations() {}

  static <T extends HasMetadata> ControllerConfiguration<T> of(
      Class<T> resourceClass,
      Set<String> namespaces,
      String labelSelector,
      ConfigurationService service) {
    var informer = InformerConfiguration.builder(resourceClass);
    if (labelSelector != null) {
      informer.withLabelSelector(labelSelector);
    }
    if (namespaces.isEmpty()) {
      informer.withWatchAllNamespaces();
    } else {
      informer.withNamespaces(namespaces);
    }
    informer.withOnUpdateFilter(ControllerConfigurations::specOrRequestChanged);
    // exceptions (API server unreachable...) retry with backoff; failed runs are not exceptions
    GenericRetry retry =
        new GenericRetry()
            .setInitialInterval(Duration.ofSeconds(2))
            .setIntervalMultiplier(2)
            .setMaxInterval(Duration.ofMinutes(5).toMillis())
            .withoutMaxAttempts();
    return new ResolvedControllerConfiguration<>(
        HasMetadata.getFullResourceName(resourceClass),
        false,
        KindController.class.getName(),
        retry,
        LinearRateLimiter.deactivatedRateLimiter(),
        null,
        null,
        Map.of(),
        null,
        service,
        informer.buildForController(),
        // every event reaches the engine, deletions included; the SDK manages no finalizer
        true,
        null);
  }

  /** A new generation, a new value of the reconcile-request annotation, or a deletion. */
  static boolean specOrRequestChanged(HasMetadata after, HasMetadata before) {
    return (after.isMarkedForDeletion() && !before.isMarkedForDeletion())
        || !Objects.equals(
            after.getMetadata().getGeneration(), before.getMetadata().getGeneration())
        || !ReconcileRequest.requestedAt(after).equals(ReconcileRequest.requestedAt(before));
  }
}

package dev.cairn.server.dashboard.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Optional;

/**
 * How the dashboard reads one kind: where its readiness, health, revision, suspension, sources,
 * dependencies and inventory are, and which actions it takes. Adding a kind to the dashboard (an
 * Argo CD Application, say) means adding one adapter to {@link KindAdapters}.
 */
public interface KindAdapter {
  /** The kind, e.g. {@code Kustomization}. */
  String kind();

  /** Group, version and plural for the API server. */
  ResourceDefinitionContext context();

  /** True for the kinds that produce artifacts (GitRepository, ...): shown as the graph's roots. */
  boolean source();

  /** Reads one object as the API server returned it. */
  FleetObject read(JsonNode object);

  /** True when {@code spec.suspend} exists for this kind. */
  boolean suspendable();

  /** True when the controller handles {@code reconcile.cairn.dev/requestedAt} for this kind. */
  boolean reconcilable();

  /** The source reconciled with it by "reconcile with source", if any. */
  default Optional<FleetRef> reconcileSource(FleetObject object) {
    return object.sources().stream().findFirst();
  }
}

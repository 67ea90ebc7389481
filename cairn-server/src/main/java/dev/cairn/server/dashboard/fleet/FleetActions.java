package dev.cairn.server.dashboard.fleet;

import dev.cairn.engine.EventRecorder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a dashboard user may ask for: a reconciliation (optionally of the source first), suspend and
 * resume. Each is one merge patch, as {@code cairn reconcile} and {@code cairn suspend} do, and
 * each is recorded as a Kubernetes Event on the object naming the user.
 */
public final class FleetActions {
  /** The annotation a reconcile request sets. */
  public static final String REQUESTED_AT = "reconcile.cairn.dev/requestedAt";

  /** The Events' reporting component. */
  public static final String COMPONENT = "cairn-dashboard";

  private final KubernetesClient client;
  private final KindAdapters adapters;
  private final EventRecorder events;
  private final Clock clock;

  public FleetActions(KubernetesClient client, KindAdapters adapters, Clock clock) {
    this.client = client;
    this.adapters = adapters;
    this.events = new EventRecorder(client, COMPONENT, clock);
    this.clock = clock;
  }

  /**
   * Sets {@code reconcile.cairn.dev/requestedAt} on {@code object} (and first on its source when
   * {@code withSource}); returns the objects asked.
   */
  public List<FleetRef> reconcile(FleetObject object, boolean withSource, String user) {
    KindAdapter adapter = adapter(object.ref());
    String now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    List<FleetRef> asked = new ArrayList<>();
    if (withSource) {
      adapter
          .reconcileSource(object)
          .filter(source -> adapters.forKind(source.kind()).isPresent())
          .ifPresent(
              source -> {
                annotate(source, now);
                asked.add(source);
              });
    }
    GenericKubernetesResource patched = annotate(object.ref(), now);
    asked.add(object.ref());
    String message =
        "Reconciliation"
            + (asked.size() > 1 ? " with source " + asked.get(0) : "")
            + " requested by "
            + user
            + " from the dashboard";
    events.record(patched, EventRecorder.NORMAL, "ReconcileRequested", message, null);
    return asked;
  }

  /** Sets {@code spec.suspend} and records who did it. */
  public void suspend(FleetObject object, boolean suspended, String user) {
    KindAdapter adapter = adapter(object.ref());
    if (!adapter.suspendable()) {
      throw new IllegalArgumentException(object.ref().kind() + " cannot be suspended");
    }
    GenericKubernetesResource patched =
        resource(object.ref())
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"suspend\":" + suspended + "}}");
    events.record(
        patched,
        EventRecorder.NORMAL,
        suspended ? "SuspendRequested" : "ResumeRequested",
        (suspended ? "Suspended" : "Resumed") + " by " + user + " from the dashboard",
        null);
  }

  private GenericKubernetesResource annotate(FleetRef ref, String now) {
    return resource(ref)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"" + REQUESTED_AT + "\":\"" + now + "\"}}}");
  }

  private io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource> resource(
      FleetRef ref) {
    return client
        .genericKubernetesResources(adapter(ref).context())
        .inNamespace(ref.namespace())
        .withName(ref.name());
  }

  private KindAdapter adapter(FleetRef ref) {
    return adapters
        .forKind(ref.kind())
        .orElseThrow(() -> new IllegalArgumentException("unknown kind " + ref.kind()));
  }
}

package dev.cairn.controller;

import dev.cairn.engine.KindReconciler;
import dev.cairn.engine.Trigger;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.util.List;

/**
 * The adapter for kinds that clean up when deleted ({@link KindReconciler#finalizes()}). The
 * Operator SDK hands objects being deleted only to a {@link Cleaner}; this one passes them to the
 * engine's reconcile like any other run. The engine removes {@link KindReconciler#FINALIZER} itself
 * when its clean-up is done, so the SDK is told not to touch it; while the finalizer stays (a
 * delete failed), the object is tried again.
 */
final class FinalizingKindController<T extends HasMetadata, S>
    implements Reconciler<T>, Cleaner<T> {
  private static final Duration RETRY_CLEANUP = Duration.ofSeconds(10);
  private final KindController<T, S> controller;
  private final KindReconciler<T, S> kind;

  FinalizingKindController(KindController<T, S> controller, KindReconciler<T, S> kind) {
    this.controller = controller;
    this.kind = kind;
  }

  @Override
  public List<EventSource<?, T>> prepareEventSources(EventSourceContext<T> context) {
    return controller.prepareEventSources(context);
  }

  @Override
  public UpdateControl<T> reconcile(T object, Context<T> context) {
    return controller.reconcile(object, context);
  }

  @Override
  public DeleteControl cleanup(T object, Context<T> context) {
    String namespace = object.getMetadata().getNamespace();
    String name = object.getMetadata().getName();
    kind.reconcile(namespace, name, Trigger.WATCH);
    T live =
        context
            .getClient()
            .resources(kind.resourceClass())
            .inNamespace(namespace)
            .withName(name)
            .get();
    DeleteControl control = DeleteControl.noFinalizerRemoval();
    return live != null && live.hasFinalizer(KindReconciler.FINALIZER)
        ? control.rescheduleAfter(RETRY_CLEANUP)
        : control;
  }
}

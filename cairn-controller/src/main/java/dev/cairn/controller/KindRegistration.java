package dev.cairn.controller;

import dev.cairn.engine.KindReconciler;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import java.util.List;

/**
 * A kind the runtime drives: its reconciler and the sources whose new revisions trigger it.
 *
 * @param reconciler the engine's reconciler of the kind
 * @param sources the source kinds it depends on (empty for sources themselves)
 */
record KindRegistration<T extends HasMetadata, S>(
    KindReconciler<T, S> reconciler, List<SourceWatch<T, ?>> sources) {

  KindRegistration {
    sources = List.copyOf(sources);
  }

  KindController<T, S> controller(
      ObjectFields fields, FailureBackoff backoff, ReconcileMetrics metrics) {
    return new KindController<>(reconciler, sources, fields, backoff, metrics);
  }

  /**
   * What the Operator SDK runs: the controller itself, or, for kinds that clean up when deleted,
   * the controller behind a {@link FinalizingKindController}.
   */
  Reconciler<T> sdkReconciler(KindController<T, S> controller) {
    return reconciler.finalizes()
        ? new FinalizingKindController<>(controller, reconciler)
        : controller;
  }
}

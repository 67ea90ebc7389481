package dev.cairn.controller;

import dev.cairn.engine.KindReconciler;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
      ObjectFields fields,
      FailureBackoff backoff,
      ReconcileMetrics metrics,
      WatchedSources watched) {
    return new KindController<>(reconciler, sources, fields, backoff, metrics, watched);
  }
}

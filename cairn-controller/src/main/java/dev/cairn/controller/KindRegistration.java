package dev.cairn.controller;

import dev.cairn.engine.KindReconciler;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * A kind the runtime drives: its reconciler and the sources whose new revisions trigger it.
 *
 * @param reconciler the engine's reconciler of the kind
 * @param sources the source kinds it depends on (empty for sources themselves)
 * @param reads where the informers of those sources answer the kind's reads of its sources; null
 *     when the kind reads them from the server. Only the kind whose runs these informers trigger
 *     reads from them: another informer of the same source may not have the new revision yet.
 */
record KindRegistration<T extends HasMetadata, S>(
    KindReconciler<T, S> reconciler, List<SourceWatch<T, ?>> sources, WatchedSources reads) {

  KindRegistration {
    sources = List.copyOf(sources);
  }

  KindController<T, S> controller(
      ObjectFields fields, FailureBackoff backoff, ReconcileMetrics metrics) {
    return new KindController<>(
        reconciler, sources, fields, backoff, metrics, reads, System::nanoTime);
  }
}

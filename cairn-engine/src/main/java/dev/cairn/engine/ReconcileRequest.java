package dev.cairn.engine;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Optional;

/**
 * The reconcile-request annotation: a person (or {@code cairn reconcile}) sets it to any new value
 * to ask for a reconcile now; the run that handles it copies the value into {@code
 * status.lastHandledReconcileAt}. Flux's annotation is accepted too, so Flux tooling works.
 */
public final class ReconcileRequest {
  /** Cairn's annotation. */
  public static final String ANNOTATION = "reconcile.cairn.dev/requestedAt";

  /** Flux's annotation, accepted as well. */
  public static final String FLUX_ANNOTATION = "reconcile.fluxcd.io/requestedAt";

  private ReconcileRequest() {}

  /** The requested value on {@code object}; Cairn's annotation wins over Flux's. */
  public static Optional<String> requestedAt(HasMetadata object) {
    if (object == null || object.getMetadata() == null) {
      return Optional.empty();
    }
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    if (annotations == null) {
      return Optional.empty();
    }
    String value = annotations.get(ANNOTATION);
    if (value == null || value.isEmpty()) {
      value = annotations.get(FLUX_ANNOTATION);
    }
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}

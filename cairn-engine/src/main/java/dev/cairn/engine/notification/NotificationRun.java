package dev.cairn.engine.notification;

import dev.cairn.api.ReconcileStatus;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.Trigger;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Clock;
import java.util.List;

/** The run of one Provider, Alert or Receiver reconciliation. */
public final class NotificationRun<T extends CustomResource<?, S>, S extends ReconcileStatus>
    extends Run<S> {
  private final T object;

  NotificationRun(T object, Trigger trigger, S draft, Clock clock) {
    super(
        new ResourceKey(
            object.getKind(), object.getMetadata().getNamespace(), object.getMetadata().getName()),
        object.getMetadata().getGeneration() == null ? 0L : object.getMetadata().getGeneration(),
        trigger,
        List.of(),
        draft,
        clock);
    this.object = object;
  }

  public T object() {
    return object;
  }

  /** {@code Kind namespace/name}, as messages name it. */
  String id() {
    return key().kind() + " " + key().namespace() + "/" + key().name();
  }
}

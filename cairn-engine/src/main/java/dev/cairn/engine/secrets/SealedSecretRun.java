package dev.cairn.engine.secrets;

import dev.cairn.api.sealed.SealedSecret;
import dev.cairn.api.sealed.SealedSecretStatus;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.Trigger;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Clock;
import java.util.List;

/** The state of one SealedSecret reconciliation: the opened Secret is held here, never logged. */
public final class SealedSecretRun extends Run<SealedSecretStatus> {
  private final SealedSecret object;
  private Secret opened;
  private boolean written;

  SealedSecretRun(SealedSecret object, Trigger trigger, SealedSecretStatus draft, Clock clock) {
    super(
        new ResourceKey(
            "SealedSecret", object.getMetadata().getNamespace(), object.getMetadata().getName()),
        object.getMetadata().getGeneration() == null ? 0L : object.getMetadata().getGeneration(),
        trigger,
        List.of(),
        draft,
        clock);
    this.object = object;
  }

  public SealedSecret object() {
    return object;
  }

  /** {@code namespace/name} of the SealedSecret, as errors name it. */
  String id() {
    return key().namespace() + "/" + key().name();
  }

  Secret opened() {
    return opened;
  }

  void opened(Secret secret) {
    this.opened = secret;
  }

  /** True when the run created or changed the Secret. */
  boolean written() {
    return written;
  }

  void written(boolean value) {
    this.written = value;
  }
}

package dev.cairn.apply;

import dev.cairn.manifest.ObjectId;
import java.util.Objects;

/** Why one object could not be validated, applied or deleted: the server's reason, verbatim. */
public record ApplyFailure(ObjectId id, String reason) {
  public ApplyFailure {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
  }

  /** {@code Kind/namespace/name: reason}. */
  @Override
  public String toString() {
    return id + ": " + reason;
  }
}

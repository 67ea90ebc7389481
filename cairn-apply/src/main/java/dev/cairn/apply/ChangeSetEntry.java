package dev.cairn.apply;

import dev.cairn.manifest.ObjectId;
import java.util.Objects;

/**
 * One object in a {@link ChangeSet}.
 *
 * @param id the object
 * @param version the apiVersion it was applied with, e.g. {@code apps/v1}
 * @param action what happened
 * @param message a short human text ("created", "prune disabled by annotation", ...)
 * @param error why the operation on this object failed, or null when it did not fail
 */
public record ChangeSetEntry(
    ObjectId id, String version, Action action, String message, String error) {

  public ChangeSetEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(action, "action");
    message = message == null ? "" : message;
  }

  public static ChangeSetEntry of(ObjectId id, Action action, String message) {
    return new ChangeSetEntry(id, id.gvk().apiVersion(), action, message, null);
  }

  public static ChangeSetEntry failed(ObjectId id, String error) {
    return new ChangeSetEntry(id, id.gvk().apiVersion(), Action.UNKNOWN, "failed", error);
  }

  public boolean failed() {
    return error != null;
  }

  /** {@code Deployment/apps/web configured}, or with {@code failed: <error>}. */
  @Override
  public String toString() {
    return failed() ? id + " failed: " + error : id + " " + action.name().toLowerCase();
  }
}

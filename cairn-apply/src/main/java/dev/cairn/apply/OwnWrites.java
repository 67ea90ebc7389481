package dev.cairn.apply;

import dev.cairn.manifest.ObjectId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objects this process wrote whose write the watches have not delivered yet, so that a read
 * never returns a version older than the process's own last apply or delete. Resource versions are
 * compared as numbers when both are (as every API server backed by etcd gives them), else for
 * equality.
 */
final class OwnWrites {
  private static final String DELETED = "";

  private final Map<ObjectId, String> pending = new ConcurrentHashMap<>();

  boolean pending(ObjectId id) {
    return pending.containsKey(id);
  }

  void wrote(ObjectId id, String resourceVersion, String watched) {
    pending.put(id, resourceVersion);
    if (watched != null) {
      seen(id, watched);
    }
  }

  void deleting(ObjectId id) {
    pending.put(id, DELETED);
  }

  /** The delete returned and the watches hold no such object: nothing is pending any more. */
  void deleted(ObjectId id) {
    pending.remove(id, DELETED);
  }

  void seen(ObjectId id, String resourceVersion) {
    pending.computeIfPresent(id, (key, wanted) -> atLeast(resourceVersion, wanted) ? null : wanted);
  }

  void gone(ObjectId id) {
    pending.remove(id);
  }

  private static boolean atLeast(String seen, String wanted) {
    if (wanted.equals(DELETED) || seen == null) {
      return false;
    }
    if (seen.equals(wanted)) {
      return true;
    }
    try {
      return Long.parseLong(seen) >= Long.parseLong(wanted);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

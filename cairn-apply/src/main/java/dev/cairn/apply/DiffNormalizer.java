package dev.cairn.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.manifest.KubeObject;

/**
 * What a drift comparison should not see, e.g. fields another controller owns. Called with both
 * states already stripped of server-filled fields; it removes fields from them in place.
 */
@FunctionalInterface
public interface DiffNormalizer {
  /** Compares everything. */
  DiffNormalizer NONE = (live, before, after) -> {};

  /**
   * @param live the live object as read (with its {@code managedFields}), or null when absent
   * @param before the live object without server fields, or null when absent
   * @param after what applying the desired object would make of it, without server fields
   */
  void normalize(KubeObject live, ObjectNode before, ObjectNode after);
}

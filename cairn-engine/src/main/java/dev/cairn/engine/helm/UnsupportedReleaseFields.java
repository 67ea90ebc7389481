package dev.cairn.engine.helm;

import dev.cairn.api.helm.HelmReleaseSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The HelmRelease fields this version of Cairn accepts in the schema but does not act on. A release
 * that sets one stalls with {@code InvalidSpec} naming the field instead of being released as if
 * the field were absent.
 */
final class UnsupportedReleaseFields {
  private UnsupportedReleaseFields() {}

  /** The paths ({@code spec.x.y}) of the unsupported fields {@code spec} sets, in spec order. */
  static List<String> of(HelmReleaseSpec spec) {
    List<String> out = new ArrayList<>();
    if (spec.driftDetection() != null
        && spec.driftDetection().ignore() != null
        && !spec.driftDetection().ignore().isEmpty()) {
      out.add("spec.driftDetection.ignore");
    }
    if (spec.test() != null && Boolean.TRUE.equals(spec.test().enable())) {
      out.add("spec.test.enable");
    }
    if (spec.rollback() != null && Boolean.TRUE.equals(spec.rollback().recreate())) {
      out.add("spec.rollback.recreate");
    }
    return out;
  }
}

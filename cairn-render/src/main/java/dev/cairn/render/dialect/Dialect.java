package dev.cairn.render.dialect;

import dev.cairn.manifest.KubeObject;
import java.util.Optional;

/**
 * One foreign manifest dialect (Flux today; Argo CD and Bitnami sealed secrets later) that can be
 * translated into Cairn kinds.
 */
public interface Dialect {

  /** A short name for messages, e.g. {@code flux}. */
  String name();

  /**
   * The Cairn form of {@code object}, or empty when this dialect does not handle it. Must not
   * change {@code object}; return a new one.
   */
  Optional<KubeObject> translate(KubeObject object);

  /**
   * True when {@code object} is part of the foreign tool itself (its controllers and CRDs): Cairn
   * does their job, so such objects are left out of a rendered set rather than applied.
   */
  default boolean isToolComponent(KubeObject object) {
    return false;
  }
}

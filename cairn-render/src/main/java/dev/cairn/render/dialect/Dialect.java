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
}

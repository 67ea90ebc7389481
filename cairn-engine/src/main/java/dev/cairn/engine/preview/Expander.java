package dev.cairn.engine.preview;

import dev.cairn.manifest.KubeObject;

/**
 * Renders one kind of top-level object for a preview, as its controller would. One class per kind
 * ({@code KustomizationExpander}, {@code HelmReleaseExpander}); a new kind such as an Argo CD
 * Application or ApplicationSet is one more implementation handed to {@code FleetRenderer}. The
 * objects an expansion renders are searched for further top-level objects by every expander.
 */
public interface Expander {

  /** True when this expander renders {@code object} (checked on every rendered object). */
  boolean handles(KubeObject object);

  /**
   * False while something this object reads from the fleet (a {@code substituteFrom} ConfigMap, a
   * chart's HelmRepository) has not been rendered yet; the renderer then expands others first and
   * comes back. When nothing else can progress the object is expanded anyway.
   */
  default boolean ready(KubeObject object, FleetContext context) {
    return true;
  }

  /** Renders {@code object}; failures come back as {@link Expansion#failed}, never thrown. */
  Expansion expand(KubeObject object, FleetContext context);
}

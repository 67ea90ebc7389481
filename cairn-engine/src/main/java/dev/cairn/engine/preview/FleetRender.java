package dev.cairn.engine.preview;

import java.util.Map;

/**
 * A fleet rendered at one revision: every top-level object found, in the order found, with what it
 * rendered to.
 *
 * @param commit the revision's commit id
 * @param root the top-level object the preview started from
 */
public record FleetRender(String commit, TopLevel root, Map<TopLevel, Expansion> expansions) {

  public FleetRender {
    expansions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expansions));
  }
}

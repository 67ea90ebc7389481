package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Renders a JSON tree (a template, or a generator to interpolate) with one parameter set: Argo CD's
 * fasttemplate ({@link FastTemplate}) or Go templates.
 */
public interface ParamRenderer {

  /** A new tree with every string of {@code tree} (keys too) rendered with {@code params}. */
  JsonNode render(JsonNode tree, Map<String, Object> params);

  /** Whether parameter sets are nested trees (Go templates) rather than flat strings. */
  boolean nested();
}

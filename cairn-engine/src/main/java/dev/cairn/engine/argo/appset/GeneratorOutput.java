package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What one top-level generator produced: its parameter sets and its {@code template} override (null
 * when it has none).
 */
public record GeneratorOutput(List<Map<String, Object>> params, JsonNode template) {
  public GeneratorOutput {
    params = List.copyOf(params);
  }
}

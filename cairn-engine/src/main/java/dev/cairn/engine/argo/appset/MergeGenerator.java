package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merge generator: the first child's parameter sets are the base; a set of a later child whose
 * {@code mergeKeys} values equal a base set's overrides that set's parameters. Sets of later
 * children that match no base set are dropped; two sets of one child with the same key values are
 * an error, as in Argo CD.
 */
final class MergeGenerator {
  private static final Set<String> FIELDS = Set.of("generators", "mergeKeys", "template");
  private final Generators generators;

  MergeGenerator(Generators generators) {
    this.generators = generators;
  }

  List<Map<String, Object>> generate(JsonNode spec, String where) {
    Generators.checkFields(spec, FIELDS, where);
    JsonNode children = spec.path("generators");
    if (children.size() < 2) {
      throw new GeneratorException(where + ".generators must hold at least 2 generators");
    }
    List<String> keys = new ArrayList<>();
    spec.path("mergeKeys").forEach(k -> keys.add(k.asText()));
    if (keys.isEmpty()) {
      throw new GeneratorException(where + ".mergeKeys must name at least one parameter");
    }
    boolean nested = generators.context().renderer().nested();
    Map<String, Map<String, Object>> base = null;
    for (int i = 0; i < children.size(); i++) {
      String at = where + ".generators[" + i + "]";
      MatrixGenerator.checkNoTemplate(children.get(i), at);
      Map<String, Map<String, Object>> sets =
          byKey(generators.generate(children.get(i), Map.of(), at).params(), keys, at);
      if (base == null) {
        base = sets;
        continue;
      }
      for (Map.Entry<String, Map<String, Object>> entry : base.entrySet()) {
        Map<String, Object> override = sets.get(entry.getKey());
        if (override != null) {
          Map<String, Object> merged =
              nested
                  ? ParamMaps.deepMerge(entry.getValue(), override)
                  : new LinkedHashMap<>(entry.getValue());
          if (!nested) {
            merged.putAll(override);
          }
          entry.setValue(merged);
        }
      }
    }
    return new ArrayList<>(base.values());
  }

  private static Map<String, Map<String, Object>> byKey(
      List<Map<String, Object>> sets, List<String> keys, String where) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Map<String, Object> set : sets) {
      StringBuilder key = new StringBuilder();
      for (String name : keys) {
        key.append(name).append('=').append(ParamMaps.lookup(set, name)).append('\n');
      }
      if (out.putIfAbsent(key.toString(), set) != null) {
        throw new GeneratorException(
            where
                + ": two parameter sets have the same merge keys ("
                + key.toString().trim().replace('\n', ',')
                + ")");
      }
    }
    return out;
  }
}

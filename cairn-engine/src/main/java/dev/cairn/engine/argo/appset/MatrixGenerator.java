package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The matrix generator: exactly two child generators; for each parameter set of the first, the
 * second is rendered with it (so it can read {@code {{path.basename}}} or a file's values) and run,
 * and each pair is combined. Fasttemplate refuses a key the two give different values; Go templates
 * merge, the second winning.
 */
final class MatrixGenerator {
  private static final Set<String> FIELDS = Set.of("generators", "template");
  private final Generators generators;

  MatrixGenerator(Generators generators) {
    this.generators = generators;
  }

  List<Map<String, Object>> generate(JsonNode spec, String where) {
    Generators.checkFields(spec, FIELDS, where);
    JsonNode children = spec.path("generators");
    if (children.size() != 2) {
      throw new GeneratorException(
          where + ".generators must hold exactly 2 generators, not " + children.size());
    }
    String first = where + ".generators[0]";
    String second = where + ".generators[1]";
    checkNoTemplate(children.get(0), first);
    checkNoTemplate(children.get(1), second);
    boolean nested = generators.context().renderer().nested();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> a : generators.generate(children.get(0), Map.of(), first).params()) {
      for (Map<String, Object> b : generators.generate(children.get(1), a, second).params()) {
        out.add(nested ? ParamMaps.deepMerge(a, b) : combine(a, b, where));
      }
    }
    return out;
  }

  private static Map<String, Object> combine(
      Map<String, Object> a, Map<String, Object> b, String where) {
    Map<String, Object> out = new LinkedHashMap<>(a);
    for (Map.Entry<String, Object> entry : b.entrySet()) {
      Object existing = out.get(entry.getKey());
      if (existing != null && !Objects.equals(existing, entry.getValue())) {
        throw new GeneratorException(
            where
                + ": both generators give the parameter '"
                + entry.getKey()
                + "' different values ('"
                + existing
                + "' and '"
                + entry.getValue()
                + "')");
      }
      out.put(entry.getKey(), entry.getValue());
    }
    return out;
  }

  /** A child's {@code template} has no effect in Argo CD; Cairn says so instead of ignoring it. */
  static void checkNoTemplate(JsonNode child, String where) {
    child
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getValue().isObject() && field.getValue().has("template")) {
                throw new GeneratorException(
                    where
                        + "."
                        + field.getKey()
                        + ".template: a template inside a matrix or merge child is not applied;"
                        + " put it on the matrix or merge generator");
              }
            });
  }
}

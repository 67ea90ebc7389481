package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one generator of a set (or of a matrix or merge): finds its one type, refuses fields Cairn
 * does not act on, generates, then keeps the parameter sets its {@code selector} matches.
 */
public final class Generators {
  static final Set<String> REFUSED =
      Set.of("scmProvider", "pullRequest", "clusterDecisionResource", "plugin");
  private static final Set<String> TYPES = Set.of("list", "clusters", "git", "matrix", "merge");

  private final GeneratorContext context;

  public Generators(GeneratorContext context) {
    this.context = context;
  }

  /** Runs every generator of the set, in order. */
  public List<GeneratorOutput> generateAll(List<JsonNode> generators) {
    List<GeneratorOutput> out = new ArrayList<>();
    for (int i = 0; i < generators.size(); i++) {
      out.add(generate(generators.get(i), Map.of(), "spec.generators[" + i + "]"));
    }
    return out;
  }

  /**
   * Runs one generator.
   *
   * @param parent the parameters of a matrix's earlier generator, which this one is rendered with
   *     first (empty at the top)
   * @param where the generator's path, for messages
   */
  public GeneratorOutput generate(JsonNode generator, Map<String, Object> parent, String where) {
    String type = typeOf(generator, where);
    JsonNode spec = generator.get(type);
    if (!parent.isEmpty()) {
      spec = context.renderer().render(spec, parent);
    }
    String at = where + "." + type;
    List<Map<String, Object>> params =
        switch (type) {
          case "list" -> ListGenerator.generate(spec, context.renderer(), at);
          case "clusters" -> ClusterGenerator.generate(spec, context, at);
          case "git" -> GitGenerator.generate(spec, context, at);
          case "matrix" -> new MatrixGenerator(this).generate(spec, at);
          case "merge" -> new MergeGenerator(this).generate(spec, at);
          default -> throw new IllegalStateException(type);
        };
    JsonNode selector = generator.get("selector");
    List<Map<String, Object>> kept = new ArrayList<>();
    for (Map<String, Object> set : params) {
      if (ParamSelector.matches(selector, set, where + ".selector")) {
        kept.add(set);
      }
    }
    return new GeneratorOutput(kept, spec.get("template"));
  }

  GeneratorContext context() {
    return context;
  }

  private static String typeOf(JsonNode generator, String where) {
    if (generator == null || !generator.isObject()) {
      throw new GeneratorException(where + " must be an object naming one generator");
    }
    String type = null;
    Iterator<String> names = generator.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (REFUSED.contains(name)) {
        throw new GeneratorException(
            where + "." + name + ": the " + name + " generator is not supported by Cairn yet");
      }
      if (TYPES.contains(name)) {
        if (type != null) {
          throw new GeneratorException(
              where + " names two generators (" + type + ", " + name + "); give one per entry");
        }
        type = name;
      } else if (!name.equals("selector")) {
        throw new GeneratorException(where + "." + name + " is not a generator field");
      }
    }
    if (type == null) {
      throw new GeneratorException(
          where + " names no generator (list, clusters, git, matrix or merge)");
    }
    return type;
  }

  /** Refuses any field of a generator that is not in {@code known}. */
  static void checkFields(JsonNode spec, Set<String> known, String where) {
    if (spec == null || !spec.isObject()) {
      throw new GeneratorException(where + " must be an object");
    }
    Iterator<String> names = spec.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new GeneratorException(
            where
                + "."
                + name
                + " is not supported by Cairn (known: "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
    }
  }
}

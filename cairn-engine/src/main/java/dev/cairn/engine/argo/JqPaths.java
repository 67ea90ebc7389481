package dev.cairn.engine.argo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * The fields a {@code jqPathExpressions} entry selects in an object: the paths {@code path(EXPR)}
 * yields (jackson-jq, jq 1.6 semantics), which are the fields Argo CD's {@code del(EXPR)} would
 * delete. An expression that fails on an object (iterating a missing list, say) selects nothing
 * there, as the field it aims at is absent.
 */
final class JqPaths {
  private static final Scope ROOT = rootScope();
  private static final int MAX_CACHED = 512;
  private static final Map<String, JsonQuery> COMPILED = new ConcurrentHashMap<>();

  private JqPaths() {}

  private static Scope rootScope() {
    Scope scope = Scope.newEmptyScope();
    BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
    return scope;
  }

  /**
   * Checks that {@code expression} compiles.
   *
   * @throws IllegalArgumentException with jq's message when it does not
   */
  static void check(String expression) {
    compile(expression);
  }

  static List<IgnoredPath> select(String expression, JsonNode object) {
    JsonQuery query = compile(expression);
    List<JsonNode> paths = new ArrayList<>();
    try {
      query.apply(Scope.newChildScope(ROOT), object, paths::add);
    } catch (JsonQueryException e) {
      return List.of();
    }
    List<IgnoredPath> out = new ArrayList<>();
    for (JsonNode path : paths) {
      List<IgnoredPath.Step> steps = new ArrayList<>();
      path.forEach(p -> steps.add(new IgnoredPath.Segment(p.asText())));
      if (!steps.isEmpty()) {
        out.add(new IgnoredPath(steps));
      }
    }
    return out;
  }

  private static JsonQuery compile(String expression) {
    JsonQuery cached = COMPILED.get(expression);
    if (cached != null) {
      return cached;
    }
    try {
      JsonQuery query = JsonQuery.compile("path(" + expression + ")", Versions.JQ_1_6);
      if (COMPILED.size() > MAX_CACHED) {
        COMPILED.clear();
      }
      COMPILED.put(expression, query);
      return query;
    } catch (JsonQueryException | RuntimeException e) {
      throw new IllegalArgumentException(
          "jq path expression '" + expression + "' does not compile: " + e.getMessage());
    }
  }
}

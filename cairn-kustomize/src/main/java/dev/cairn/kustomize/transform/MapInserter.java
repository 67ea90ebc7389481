package dev.cairn.kustomize.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.engine.Resource;
import dev.cairn.kustomize.engine.ResourceSet;
import java.util.List;
import java.util.Map;

/** Labels and annotations: puts key/value pairs into the maps named by field specs. */
public final class MapInserter {
  private MapInserter() {}

  public static void apply(ResourceSet set, Map<String, String> pairs, List<FieldSpec> specs) {
    if (pairs == null || pairs.isEmpty()) {
      return;
    }
    for (Resource r : set.list()) {
      var id = r.id();
      for (FieldSpec fs : specs) {
        if (!fs.selects(id)) {
          continue;
        }
        fs.walk(
            r.node(),
            (parent, field) -> {
              JsonNode target = parent.get(field);
              ObjectNode map;
              if (target instanceof ObjectNode o) {
                map = o;
              } else if (target == null || target.isNull()) {
                map = JsonNodeFactory.instance.objectNode();
                parent.set(field, map);
              } else {
                return;
              }
              pairs.forEach(map::put);
            });
      }
    }
  }
}

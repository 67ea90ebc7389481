package dev.cairn.kustomize.transform;

import dev.cairn.kustomize.engine.ResId;
import dev.cairn.kustomize.engine.Resource;
import dev.cairn.kustomize.engine.ResourceSet;
import java.util.List;

/** One {@code replicas:} entry: sets spec.replicas of workloads with that (current or old) name. */
public final class Replicas {
  private Replicas() {}

  public static void apply(ResourceSet set, String name, long count, List<FieldSpec> specs) {
    for (Resource r : set.list()) {
      if (!matches(r, name)) {
        continue;
      }
      for (FieldSpec fs : specs) {
        if (fs.selects(r.id())) {
          fs.walk(r.node(), (parent, field) -> parent.put(field, count));
        }
      }
    }
  }

  private static boolean matches(Resource r, String name) {
    if (r.name().equals(name)) {
      return true;
    }
    for (ResId id : r.previousIds()) {
      if (id.name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}

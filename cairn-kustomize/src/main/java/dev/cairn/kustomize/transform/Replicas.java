package dev.cairn.kustomize.transform;

import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.engine.ResId;
import dev.cairn.kustomize.engine.Resource;
import dev.cairn.kustomize.engine.ResourceSet;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code replicas:} entry: sets spec.replicas of workloads with that (current or old) name.
 * Like kustomize, an entry that matches no object of the field specs' kinds fails the build.
 */
public final class Replicas {
  private Replicas() {}

  public static void apply(
      ResourceSet set, String name, long count, List<FieldSpec> specs, String file) {
    boolean found = false;
    for (Resource r : set.list()) {
      if (!matches(r, name)) {
        continue;
      }
      for (FieldSpec fs : specs) {
        if (fs.selects(r.id())) {
          found = true;
          fs.walk(r.node(), (parent, field) -> parent.put(field, count));
        }
      }
    }
    if (!found) {
      List<String> gvks = new ArrayList<>();
      for (FieldSpec fs : specs) {
        gvks.add(
            fs.kind()
                + "."
                + (fs.version().isEmpty() ? "[noVer]" : fs.version())
                + "."
                + (fs.group().isEmpty() ? "[noGrp]" : fs.group()));
      }
      throw new KustomizeException(
          file,
          0,
          "resource with name "
              + name
              + " does not match a config with the following GVK "
              + String.join(" ", gvks).transform(s -> "[" + s + "]"));
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

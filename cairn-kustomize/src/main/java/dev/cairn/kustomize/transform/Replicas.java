package dev.cairn.kustomize.transform;

import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.engine.ResId;
import dev.cairn.kustomize.engine.Resource;
import dev.cairn.kustomize.engine.ResourceSet;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code replicas:} entry: sets the replica field of objects with that (current or old) name
 * whose kind has a replicas field configuration. Like kustomize, an entry that matches no such
 * object is an error.
 */
public final class Replicas {
  private Replicas() {}

  public static void apply(
      ResourceSet set, String name, long count, List<FieldSpec> specs, String file) {
    boolean found = false;
    for (FieldSpec fs : specs) {
      for (Resource r : set.list()) {
        if (matches(r, name, fs)) {
          found = true;
          fs.walk(r.node(), (parent, field) -> parent.put(field, count));
        }
      }
    }
    if (!found) {
      List<String> gvks = new ArrayList<>();
      for (FieldSpec fs : specs) {
        gvks.add(
            (fs.kind().isEmpty() ? "[noKind]" : fs.kind())
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
              + "["
              + String.join(" ", gvks)
              + "]");
    }
  }

  private static boolean matches(Resource r, String name, FieldSpec fs) {
    if (r.name().equals(name) && fs.selects(r.id())) {
      return true;
    }
    for (ResId id : r.previousIds()) {
      if (id.name().equals(name) && fs.selects(id)) {
        return true;
      }
    }
    return false;
  }
}

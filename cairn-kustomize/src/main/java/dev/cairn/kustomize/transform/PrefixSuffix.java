package dev.cairn.kustomize.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kustomize.engine.Resource;
import dev.cairn.kustomize.engine.ResourceSet;
import java.util.List;

/**
 * {@code namePrefix} and {@code nameSuffix}: rename every object except CustomResourceDefinitions,
 * APIServices and Namespaces, remembering the old id so references can follow.
 */
public final class PrefixSuffix {
  private PrefixSuffix() {}

  public static void apply(ResourceSet set, String prefix, String suffix) {
    String p = prefix == null ? "" : prefix;
    String s = suffix == null ? "" : suffix;
    if (p.isEmpty() && s.isEmpty()) {
      return;
    }
    for (Resource r : set.list()) {
      if (skipped(r)) {
        continue;
      }
      r.rememberId();
      r.setName(p + r.name() + s);
      if (!p.isEmpty()) {
        r.prefixes().add(p);
      }
      if (!s.isEmpty()) {
        r.suffixes().add(s);
      }
    }
  }

  /**
   * A configured PrefixSuffixTransformer: the prefix and suffix go into every string field its
   * field specs reach; a {@code metadata/name} spec renames the object (so references follow).
   */
  public static void apply(ResourceSet set, String prefix, String suffix, List<FieldSpec> specs) {
    for (Resource r : set.list()) {
      if (skipped(r)) {
        continue;
      }
      for (FieldSpec fs : specs) {
        if (!fs.selects(r.id())) {
          continue;
        }
        if (fs.path().equals(List.of("metadata", "name"))) {
          if (!prefix.isEmpty() || !suffix.isEmpty()) {
            r.rememberId();
          }
          if (!prefix.isEmpty()) {
            r.prefixes().add(prefix);
          }
          if (!suffix.isEmpty()) {
            r.suffixes().add(suffix);
          }
        }
        fs.walk(
            r.node(),
            (parent, field) -> {
              JsonNode v = parent.get(field);
              if (v != null && v.isTextual()) {
                parent.put(field, prefix + v.asText() + suffix);
              }
            });
      }
    }
  }

  private static boolean skipped(Resource r) {
    String kind = r.kind();
    return kind.equals("CustomResourceDefinition")
        || kind.equals("Namespace")
        || (kind.equals("APIService") && r.id().group().equals("apiregistration.k8s.io"));
  }
}

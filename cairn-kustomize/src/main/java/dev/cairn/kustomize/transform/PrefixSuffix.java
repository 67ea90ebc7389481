package dev.cairn.kustomize.transform;

import dev.cairn.kustomize.engine.Resource;
import dev.cairn.kustomize.engine.ResourceSet;

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
      String kind = r.kind();
      if (kind.equals("CustomResourceDefinition")
          || kind.equals("Namespace")
          || (kind.equals("APIService") && r.id().group().equals("apiregistration.k8s.io"))) {
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
}

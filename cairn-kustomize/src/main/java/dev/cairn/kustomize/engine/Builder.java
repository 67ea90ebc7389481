package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.KustomizeOptions;
import dev.cairn.kustomize.generate.NameHash;
import dev.cairn.kustomize.transform.NameReferences;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One whole build: accumulate the root kustomization, then the steps kustomize runs once at the
 * end: name hashes, back references, vars, dropping local-config objects, sorting and build
 * metadata.
 */
public final class Builder {
  private static final String LOCAL_CONFIG = "config.kubernetes.io/local-config";

  private Builder() {}

  public static List<Resource> build(Path dir, KustomizeOptions options) {
    FileLoader loader = new FileLoader(dir, options);
    BuildContext ctx = new BuildContext(loader, options);
    Path root = loader.buildRoot();
    KustomizationFile k = ctx.kustomization(root);
    ctx.setLiveBuildAnnotations(!k.list("buildMetadata").isEmpty());
    ctx.chooseSchema(k);
    ResourceSet set;
    ctx.enter(root, k.file());
    try {
      set = new TargetBuilder(ctx).accumulateInto(k, new ResourceSet(), Path.of(""));
    } finally {
      ctx.leave();
    }
    for (Resource r : set.list()) {
      if (r.needsHashSuffix()) {
        String hash = NameHash.of(r.node());
        r.rememberId();
        r.setName(r.name() + "-" + hash);
      }
    }
    NameReferences.fix(set);
    Vars.resolve(set.vars(), set, k.file());
    List<Resource> out = new ArrayList<>();
    for (Resource r : set.list()) {
      if (!"true"
          .equals(r.node().path("metadata").path("annotations").path(LOCAL_CONFIG).asText(null))) {
        out.add(r);
        annotationsAsText(r);
      }
    }
    sort(out, k);
    BuildMetadata.apply(out, k);
    return out;
  }

  private static void sort(List<Resource> out, KustomizationFile k) {
    JsonNode sortOptions = k.get("sortOptions");
    String order = sortOptions == null ? "legacy" : sortOptions.path("order").asText("legacy");
    if (order.equals("fifo")) {
      return;
    }
    if (!order.equals("legacy")) {
      throw new KustomizeException(
          k.file(),
          0,
          "the field 'sortOptions.order' must be one of [fifo, legacy], not '" + order + "'");
    }
    Comparator<ResId> cmp = LegacyOrder.ORDER;
    JsonNode custom = sortOptions == null ? null : sortOptions.get("legacySortOptions");
    if (custom != null && custom.isObject()) {
      cmp = LegacyOrder.custom(custom.path("orderFirst"), custom.path("orderLast"));
    }
    Map<Resource, ResId> ids = new HashMap<>();
    for (Resource r : out) {
      ids.put(r, r.id());
    }
    Comparator<ResId> c = cmp;
    out.sort((a, b) -> c.compare(ids.get(a), ids.get(b)));
  }

  /** Kustomize rewrites the annotations of every object as strings when it ends a build. */
  private static void annotationsAsText(Resource r) {
    if (r.node().path("metadata").path("annotations") instanceof ObjectNode a) {
      a.properties()
          .forEach(
              e -> {
                JsonNode v = e.getValue();
                if (v.isValueNode() && !v.isTextual() && !v.isNull()) {
                  e.setValue(TextNode.valueOf(v.asText()));
                }
              });
    }
  }

  static ObjectNode annotations(Resource r) {
    return r.metadata().with("annotations");
  }
}

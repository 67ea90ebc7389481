package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.patch.JsonPatch;
import dev.cairn.kustomize.patch.PatchException;
import dev.cairn.kustomize.patch.StrategicMerge;
import dev.cairn.manifest.YamlDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The patch transformers: {@code patchesStrategicMerge}, {@code patches}, {@code patchesJson6902}.
 */
final class Patches {
  private final BuildContext ctx;
  private final KustomizationFile k;
  private final List<String> kinds;
  private int current;

  /** {@code kinds}: the transformers the kustomization configures, in kustomize's order. */
  Patches(BuildContext ctx, KustomizationFile k, List<String> kinds) {
    this.ctx = ctx;
    this.k = k;
    this.kinds = kinds;
  }

  /** Patches run by a transformer plugin configuration, outside the kustomization's own list. */
  Patches(BuildContext ctx, KustomizationFile k) {
    this(ctx, k, List.of());
  }

  /** The position of the n-th transformer of this kind (the one a patch erasing annotations is). */
  private int indexOf(String kind, int n) {
    int seen = 0;
    for (int i = 0; i < kinds.size(); i++) {
      if (kinds.get(i).equals(kind) && seen++ == n) {
        return i;
      }
    }
    return -1;
  }

  void strategicMergeList(ResourceSet set) {
    current = indexOf("PatchStrategicMergeTransformer", 0);
    for (JsonNode entry : k.list("patchesStrategicMerge")) {
      String s = entry.asText();
      boolean inline = s.contains("\n") || (!ctx.loader().isFile(k.dir(), s) && s.contains(":"));
      String where = inline ? k.file() : ctx.display(k, s);
      String text = inline ? s : ctx.readText(k, s);
      for (YamlDocument d : Documents.read(where, text)) {
        applySmpByOwnId(set, objectOf(d.content(), where), where);
      }
    }
  }

  void patches(ResourceSet set) {
    int n = 0;
    for (JsonNode entry : k.list("patches")) {
      current = indexOf("PatchTransformer", n++);
      if (!entry.isObject()) {
        throw new KustomizeException(k.file(), 0, "each entry of 'patches' must be a map");
      }
      String where;
      String text;
      if (entry.hasNonNull("path")) {
        where = ctx.display(k, entry.get("path").asText());
        text = ctx.readText(k, entry.get("path").asText());
      } else if (entry.hasNonNull("patch")) {
        where = k.file();
        text = entry.get("patch").asText();
      } else {
        throw new KustomizeException(k.file(), 0, "a patch needs 'path' or 'patch'");
      }
      TargetSelector target =
          entry.hasNonNull("target") ? TargetSelector.of(entry.get("target"), k.file()) : null;
      List<YamlDocument> docs = Documents.read(where, text);
      if (docs.size() == 1 && docs.get(0).content().isArray()) {
        if (target == null) {
          throw new KustomizeException(where, 0, "a JSON 6902 patch needs a target");
        }
        JsonPatch ops = jsonPatch(docs.get(0).content(), where);
        for (Resource r : target.select(set)) {
          r.rememberId(); // kustomize's PatchTransformer records the id before a JSON patch
          applyJson(r, ops, where);
        }
        continue;
      }
      for (YamlDocument d : docs) {
        ObjectNode patch = objectOf(d.content(), where);
        if (target == null) {
          applySmpByOwnId(set, patch, where);
        } else {
          applySmpToTargets(set, patch, target.select(set), entry.path("options"), where);
        }
      }
    }
  }

  /**
   * One strategic-merge patch on selected objects: the patch takes each target's name, namespace
   * and kind unless the entry's options allow a name or kind change (then the old id is recorded so
   * references follow).
   */
  private void applySmpToTargets(
      ResourceSet set, ObjectNode patch, List<Resource> targets, JsonNode options, String where) {
    boolean nameChange = options.path("allowNameChange").asBoolean(false);
    boolean kindChange = options.path("allowKindChange").asBoolean(false);
    for (Resource r : targets) {
      ObjectNode copy = patch.deepCopy();
      ObjectNode meta = copy.with("metadata");
      String name = r.name();
      String kind = r.kind();
      String namespace = r.namespace();
      if (!nameChange || !meta.path("name").isTextual()) {
        meta.put("name", name);
      }
      if (!namespace.isEmpty()) {
        meta.put("namespace", namespace);
      } else {
        meta.remove("namespace");
      }
      if (!kindChange || !copy.path("kind").isTextual()) {
        copy.put("kind", kind);
      }
      copy.put("apiVersion", r.node().path("apiVersion").asText());
      if (nameChange || kindChange) {
        r.rememberId();
      }
      applySmp(set, r, copy, where);
      if (!kindChange) {
        r.node().put("kind", kind);
      }
      if (!nameChange) {
        r.setName(name);
      }
      if (namespace.isEmpty()) {
        r.metadata().remove("namespace");
      } else {
        r.setNamespace(namespace);
      }
    }
  }

  void json6902List(ResourceSet set) {
    int n = 0;
    for (JsonNode entry : k.list("patchesJson6902")) {
      current = indexOf("PatchJson6902Transformer", n++);
      TargetSelector target = TargetSelector.of(entry.get("target"), k.file());
      String where;
      String text;
      if (entry.hasNonNull("path")) {
        where = ctx.display(k, entry.get("path").asText());
        text = ctx.readText(k, entry.get("path").asText());
      } else {
        where = k.file();
        text = entry.path("patch").asText("");
      }
      List<YamlDocument> docs = Documents.read(where, text);
      if (docs.size() != 1) {
        throw new KustomizeException(where, 0, "a JSON 6902 patch must be one list of operations");
      }
      JsonPatch ops = jsonPatch(docs.get(0).content(), where);
      // Like kustomize, a target that selects nothing is not an error.
      for (Resource r : target.select(set)) {
        applyJson(r, ops, where);
      }
    }
  }

  private static JsonPatch jsonPatch(JsonNode content, String where) {
    try {
      return JsonPatch.of(content);
    } catch (PatchException e) {
      throw new KustomizeException(where, 0, e.getMessage());
    }
  }

  private void applyJson(Resource r, JsonPatch ops, String where) {
    try {
      boolean live = ctx.liveBuildAnnotations();
      if (live) {
        LiveAnnotations.add(r);
      }
      JsonNode result = ops.apply(r.node());
      if (!(result instanceof ObjectNode o)) {
        throw new KustomizeException(where, 0, "JSON patch turned " + r.id() + " into a non-map");
      }
      r.replaceNode(o);
      if (live) {
        LiveAnnotations.remove(r, current);
      }
    } catch (PatchException e) {
      throw new KustomizeException(where, 0, "applying patch to " + r.id() + ": " + e.getMessage());
    }
  }

  private static ObjectNode objectOf(JsonNode content, String where) {
    if (!(content instanceof ObjectNode o)) {
      throw new KustomizeException(where, 0, "a strategic merge patch must be a map");
    }
    return o;
  }

  private void applySmpByOwnId(ResourceSet set, ObjectNode patch, String where) {
    ResId id = ResId.of(patch);
    List<Resource> matches = new ArrayList<>(set.findByAnyId(id));
    if (matches.size() != 1) {
      throw new KustomizeException(
          where,
          0,
          (matches.isEmpty() ? "no resource matches" : "several resources match")
              + " strategic merge patch for "
              + id
              + "; failed to find unique target for patch");
    }
    Resource r = matches.get(0);
    ObjectNode copy = patch.deepCopy();
    ObjectNode meta = copy.with("metadata");
    meta.put("name", r.name());
    if (!r.namespace().isEmpty()) {
      meta.put("namespace", r.namespace());
    }
    applySmp(set, r, copy, where);
  }

  private void applySmp(ResourceSet set, Resource r, ObjectNode patch, String where) {
    ResId id = r.id();
    try {
      boolean live = ctx.liveBuildAnnotations();
      if (live) {
        LiveAnnotations.add(r);
      }
      ObjectNode result =
          StrategicMerge.apply(
              r.node(), patch, ctx.patchSchema().rootFor(id.group(), id.version(), id.kind()));
      if (result == null) {
        set.remove(r);
      } else {
        r.replaceNode(result);
        if (live) {
          LiveAnnotations.remove(r, current);
        }
      }
    } catch (PatchException e) {
      throw new KustomizeException(where, 0, "applying patch to " + id + ": " + e.getMessage());
    }
  }
}

package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.generate.Generator;
import dev.cairn.kustomize.generate.GeneratorArgs;
import dev.cairn.kustomize.transform.ImageRule;
import dev.cairn.kustomize.transform.MapInserter;
import dev.cairn.kustomize.transform.Namespacer;
import dev.cairn.kustomize.transform.PrefixSuffix;
import dev.cairn.kustomize.transform.Replicas;
import dev.cairn.kustomize.transform.TransformerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates one kustomization in kustomize's order: resources and bases, generators, components,
 * then the built-in transformers (strategic-merge patches, patches, namespace, prefix/suffix,
 * labels, annotations, JSON 6902 patches, replicas, images, replacements).
 */
final class TargetBuilder {
  private final BuildContext ctx;

  TargetBuilder(BuildContext ctx) {
    this.ctx = ctx;
  }

  /** Accumulates a kustomization (not a component) into a fresh set. */
  ResourceSet accumulate(Path dir, String referrer) {
    ResourceSet cached = ctx.cachedBase(dir);
    if (cached != null) {
      return cached;
    }
    ctx.enter(dir, referrer);
    try {
      KustomizationFile k = ctx.kustomization(dir);
      ctx.chooseSchema(k);
      if (k.isComponent()) {
        throw new KustomizeException(
            k.file(),
            0,
            "expected kind != 'Component' for path '" + ctx.loader().display(dir) + "'");
      }
      ResourceSet set = accumulateInto(k, new ResourceSet(), Path.of(""));
      ctx.cacheBase(dir, set);
      return set;
    } finally {
      ctx.leave();
    }
  }

  /**
   * Accumulates {@code k} into {@code set}; {@code origin} is the kustomization's directory
   * relative to the one whose objects are being collected (for origin annotations).
   */
  ResourceSet accumulateInto(KustomizationFile k, ResourceSet set, Path origin) {
    resources(k, set, origin);
    for (String file : k.strings("configurations")) {
      String where = ctx.display(k, file);
      for (var doc : Documents.read(where, ctx.readText(k, file))) {
        set.mergeConfig(TransformerConfig.parse(doc.content(), where));
      }
    }
    generators(k, set, origin);
    for (String component : k.strings("components")) {
      Path dir = ctx.loader().resolveDir(k.dir(), component, k.file());
      ctx.enter(dir, k.file());
      try {
        KustomizationFile c = ctx.kustomization(dir);
        ctx.chooseSchema(c);
        if (!c.isComponent()) {
          throw new KustomizeException(
              c.file(), 0, "expected kind 'Component' for path '" + component + "'");
        }
        accumulateInto(c, set, origin.resolve(component).normalize());
      } finally {
        ctx.leave();
      }
    }
    List<String> kinds = transformerKinds(k);
    transform(k, set, kinds);
    recordTransformers(kinds, set, origin.resolve(fileName(k)).toString());
    plugins(k, set, origin);
    set.vars().addAll(k.list("vars"));
    return set;
  }

  private void resources(KustomizationFile k, ResourceSet set, Path origin) {
    List<String> refs = new ArrayList<>(k.strings("resources"));
    refs.addAll(k.strings("bases"));
    ResourceSet.Appender appender = set.appender();
    for (String ref : refs) {
      if (ctx.loader().isFile(k.dir(), ref)) {
        Path real = ctx.loader().resolveFile(k.dir(), ref, k.file());
        String display = ctx.loader().display(real);
        String text = new String(ctx.loader().read(real, k.file()), StandardCharsets.UTF_8);
        for (Resource r : Documents.objects(display, text)) {
          r.setOriginPath(origin.resolve(ref).normalize().toString());
          appender.append(r);
        }
      } else {
        Path dir = ctx.loader().resolveDir(k.dir(), ref, k.file());
        ResourceSet base = accumulate(dir, k.file());
        for (Resource r : base.list()) {
          Path baseOrigin = origin.resolve(ref);
          if (r.originPath() != null) {
            r.setOriginPath(baseOrigin.resolve(r.originPath()).normalize().toString());
          }
          r.transformations().replaceAll(t -> baseOrigin.resolve(t).normalize().toString());
        }
        appender.appendAll(base);
      }
    }
  }

  private void generators(KustomizationFile k, ResourceSet set, Path origin) {
    JsonNode global = k.get("generatorOptions");
    JsonNode options =
        global == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : global;
    for (JsonNode entry : k.list("configMapGenerator")) {
      absorb(k, set, GeneratorArgs.of("ConfigMap", entry, options, k.file()), origin);
    }
    for (JsonNode entry : k.list("secretGenerator")) {
      absorb(k, set, GeneratorArgs.of("Secret", entry, options, k.file()), origin);
    }
    new HelmChartGenerator(ctx).generate(k, set, origin);
    for (PluginConfigs.Config config : PluginConfigs.load(this, ctx, k, "generators")) {
      GeneratorArgs args = BuiltinGenerators.args(config);
      Resource r = absorb(k, set, args, origin);
      if (args.behavior().isEmpty() || args.behavior().equals("create")) {
        r.setOriginPath(origin.resolve(config.origin()).normalize().toString());
        r.setGeneratedBy(config.metadataKind());
      }
    }
  }

  private Resource absorb(KustomizationFile k, ResourceSet set, GeneratorArgs args, Path origin) {
    ObjectNode node;
    try {
      node = Generator.generate(args, path -> ctx.readBytes(k, path), k.file());
    } catch (IllegalArgumentException e) {
      throw new KustomizeException(
          k.file(), 0, args.kind() + " " + args.name() + ": " + e.getMessage());
    }
    Resource r = new Resource(node, k.file(), 0);
    r.setNeedsHashSuffix(!args.disableNameSuffixHash());
    r.setOriginPath(origin.resolve(fileName(k)).toString());
    r.setGeneratedBy(args.kind() + "Generator");
    Resource.Behavior behavior;
    switch (args.behavior()) {
      case "", "create" -> behavior = Resource.Behavior.CREATE;
      case "merge" -> behavior = Resource.Behavior.MERGE;
      case "replace" -> behavior = Resource.Behavior.REPLACE;
      default ->
          throw new KustomizeException(
              k.file(), 0, "unknown generator behavior '" + args.behavior() + "'");
    }
    r.setBehavior(behavior);
    GeneratedMerge.absorb(set, r);
    return r;
  }

  /** The built-in transformers this kustomization configures, in the order kustomize runs them. */
  private static List<String> transformerKinds(KustomizationFile k) {
    List<String> kinds = new ArrayList<>();
    if (!k.list("patchesStrategicMerge").isEmpty()) {
      kinds.add("PatchStrategicMergeTransformer");
    }
    k.list("patches").forEach(p -> kinds.add("PatchTransformer"));
    if (!k.text("namespace").isEmpty()) {
      kinds.add("NamespaceTransformer");
    }
    if (!k.text("namePrefix").isEmpty()) {
      kinds.add("PrefixTransformer");
    }
    if (!k.text("nameSuffix").isEmpty()) {
      kinds.add("SuffixTransformer");
    }
    int labels = k.list("labels").size();
    if (labels > 0 || !k.stringMap("commonLabels").isEmpty()) {
      for (int i = 0; i <= labels; i++) {
        kinds.add("LabelTransformer");
      }
    }
    if (!k.stringMap("commonAnnotations").isEmpty()) {
      kinds.add("AnnotationsTransformer");
    }
    k.list("patchesJson6902").forEach(p -> kinds.add("PatchJson6902Transformer"));
    k.list("replicas").forEach(p -> kinds.add("ReplicaCountTransformer"));
    k.list("images").forEach(p -> kinds.add("ImageTagTransformer"));
    k.list("imageTags").forEach(p -> kinds.add("ImageTagTransformer"));
    if (!k.list("replacements").isEmpty()) {
      kinds.add("ReplacementTransformer");
    }
    return kinds;
  }

  /**
   * Notes, on every object, each built-in transformer this kustomization configures. When a patch
   * erased the object's build annotations, kustomize forgets the earlier ones and records that
   * patch as the object's origin.
   */
  private static void recordTransformers(List<String> kinds, ResourceSet set, String configuredIn) {
    if (kinds.isEmpty()) {
      return;
    }
    for (Resource r : set.list()) {
      int from = 0;
      if (r.erasedAt() >= 0) {
        r.transformations().clear();
        r.setOriginPath(configuredIn);
        r.setGeneratedBy(kinds.get(r.erasedAt()));
        from = r.erasedAt() + 1;
        r.setErasedAt(-1);
      }
      for (String kind : kinds.subList(from, kinds.size())) {
        r.transformations().add(configuredIn + "|" + kind);
      }
    }
  }

  static String fileName(KustomizationFile k) {
    String f = k.file();
    int slash = f.lastIndexOf('/');
    return slash < 0 ? f : f.substring(slash + 1);
  }

  private void transform(KustomizationFile k, ResourceSet set, List<String> kinds) {
    Patches patches = new Patches(ctx, k, kinds);
    patches.strategicMergeList(set);
    patches.patches(set);
    TransformerConfig config = set.config();
    Namespacer.apply(set, k.text("namespace"), config.section("namespace"), k.file());
    PrefixSuffix.apply(set, k.text("namePrefix"), k.text("nameSuffix"));
    TransformerConfig specs = config;
    for (JsonNode label : k.list("labels")) {
      var pairs = KustomizationFile.stringMap(label.get("pairs"), k.file(), "labels.pairs");
      List<dev.cairn.kustomize.transform.FieldSpec> fs = new ArrayList<>();
      if (label.path("includeSelectors").asBoolean(false)) {
        fs.addAll(specs.section("templateLabels"));
        fs.addAll(specs.section("selectorLabels"));
      } else if (label.path("includeTemplates").asBoolean(false)) {
        fs.addAll(specs.section("templateLabels"));
      } else {
        fs.add(specs.section("templateLabels").get(0));
      }
      for (JsonNode custom : label.path("fields")) {
        fs.add(
            dev.cairn.kustomize.transform.FieldSpec.of(
                custom.path("group").asText(""),
                custom.path("version").asText(""),
                custom.path("kind").asText(""),
                custom.path("path").asText(""),
                custom.path("create").asBoolean(false)));
      }
      MapInserter.apply(set, pairs, fs);
    }
    List<dev.cairn.kustomize.transform.FieldSpec> common =
        new ArrayList<>(specs.section("templateLabels"));
    common.addAll(specs.section("selectorLabels"));
    MapInserter.apply(set, k.stringMap("commonLabels"), common);
    MapInserter.apply(set, k.stringMap("commonAnnotations"), specs.section("commonAnnotations"));
    patches.json6902List(set);
    for (JsonNode replica : k.list("replicas")) {
      Replicas.apply(
          set,
          replica.path("name").asText(),
          replica.path("count").asLong(),
          config.section("replicas"),
          k.file());
    }
    List<JsonNode> images = new ArrayList<>(k.list("images"));
    images.addAll(k.list("imageTags"));
    for (JsonNode image : images) {
      ImageRule.of(
              image.path("name").asText(""),
              image.path("newName").asText(""),
              image.path("newTag").asText(""),
              image.path("digest").asText(""))
          .apply(set, config.section("images"));
    }
    Replacements.apply(ctx, k, set);
  }

  /** The {@code transformers:} list, then the {@code validators:} list, as kustomize runs them. */
  private void plugins(KustomizationFile k, ResourceSet set, Path origin) {
    for (PluginConfigs.Config config : PluginConfigs.load(this, ctx, k, "transformers")) {
      BuiltinPlugins.transform(ctx, k, set, config);
      String record = origin.resolve(config.origin()).normalize() + "|" + config.metadataKind();
      for (Resource r : set.list()) {
        r.transformations().add(record);
      }
    }
    for (PluginConfigs.Config config : PluginConfigs.load(this, ctx, k, "validators")) {
      ResourceSet copy = set.deepCopy();
      BuiltinPlugins.transform(ctx, k, copy, config);
      if (!sameObjects(set, copy)) {
        throw new KustomizeException(
            config.where(), 0, "validator shouldn't modify the resource map");
      }
    }
  }

  private static boolean sameObjects(ResourceSet a, ResourceSet b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.list().get(i).node().equals(b.list().get(i).node())) {
        return false;
      }
    }
    return true;
  }
}

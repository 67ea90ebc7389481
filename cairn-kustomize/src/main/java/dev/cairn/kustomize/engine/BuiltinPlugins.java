package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.generate.NameHash;
import dev.cairn.kustomize.transform.FieldSpec;
import dev.cairn.kustomize.transform.ImageRule;
import dev.cairn.kustomize.transform.MapInserter;
import dev.cairn.kustomize.transform.Namespacer;
import dev.cairn.kustomize.transform.PrefixSuffix;
import dev.cairn.kustomize.transform.Replicas;
import dev.cairn.kustomize.transform.ValueAdd;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one configuration of a kustomize built-in transformer ({@code apiVersion: builtin}) named in
 * {@code transformers:}. Each reads its fields as kustomize's plugin does (unknown fields are
 * ignored); paths it names are relative to the kustomization that lists it.
 */
final class BuiltinPlugins {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String METADATA_NAMESPACE = "metadata/namespace";

  private BuiltinPlugins() {}

  static void transform(
      BuildContext ctx, KustomizationFile k, ResourceSet set, PluginConfigs.Config config) {
    ObjectNode c = config.node();
    String where = config.where();
    switch (config.kind()) {
      case "LabelTransformer" ->
          MapInserter.apply(set, strings(c, "labels", where), fieldSpecs(c, where));
      case "AnnotationsTransformer" ->
          MapInserter.apply(set, strings(c, "annotations", where), fieldSpecs(c, where));
      case "PrefixSuffixTransformer", "PrefixTransformer", "SuffixTransformer" ->
          prefixSuffix(set, config);
      case "NamespaceTransformer" -> namespace(set, c, where);
      case "ImageTagTransformer" -> image(set, c, where);
      case "ReplicaCountTransformer" ->
          Replicas.apply(
              set,
              c.path("replica").path("name").asText(""),
              c.path("replica").path("count").asLong(),
              fieldSpecs(c, where),
              where);
      case "PatchTransformer" -> {
        ObjectNode entry = copyFields(c, "path", "patch", "target", "options");
        new Patches(ctx, synthetic(k, "patches", entry)).patches(set);
      }
      case "PatchJson6902Transformer" -> {
        ObjectNode entry = copyFields(c, "path", "target");
        if (c.hasNonNull("jsonOp")) {
          entry.set("patch", c.get("jsonOp"));
        }
        new Patches(ctx, synthetic(k, "patchesJson6902", entry)).json6902List(set);
      }
      case "PatchStrategicMergeTransformer" -> strategicMerge(ctx, k, set, c, where);
      case "ReplacementTransformer" ->
          Replacements.apply(ctx, synthetic(k, "replacements", c.path("replacements")), set);
      case "ValueAddTransformer" -> valueAdd(ctx, k, set, c, where);
      case "HashTransformer" -> hash(set);
      case "ConfigMapGenerator", "SecretGenerator", "HelmChartInflationGenerator" ->
          throw new KustomizeException(where, 0, "plugin " + id(config) + " not a transformer");
      default ->
          throw new KustomizeException(
              where, 0, "unable to load builtin " + config.kind() + ".builtin.[noGrp]");
    }
  }

  /** The plugin's id as kustomize prints it in messages. */
  static String id(PluginConfigs.Config config) {
    return config.kind() + ".builtin.[noGrp]/" + name(config.node()) + ".[noNs]";
  }

  private static void prefixSuffix(ResourceSet set, PluginConfigs.Config config) {
    ObjectNode c = config.node();
    if (c.path("fieldSpecs").isMissingNode() || c.path("fieldSpecs").isNull()) {
      throw new KustomizeException(
          config.where(),
          0,
          "plugin " + id(config) + " fails configuration: fieldSpecs is not expected to be nil");
    }
    String prefix = config.kind().equals("SuffixTransformer") ? "" : c.path("prefix").asText("");
    String suffix = config.kind().equals("PrefixTransformer") ? "" : c.path("suffix").asText("");
    PrefixSuffix.apply(set, prefix, suffix, fieldSpecs(c, config.where()));
  }

  private static void image(ResourceSet set, ObjectNode c, String where) {
    JsonNode image = c.path("imageTag");
    ImageRule.of(
            image.path("name").asText(""),
            image.path("newName").asText(""),
            image.path("newTag").asText(""),
            image.path("digest").asText(""))
        .apply(set, fieldSpecs(c, where));
  }

  /** Like kustomize's namespace filter, metadata.namespace is always set, whatever the specs. */
  private static void namespace(ResourceSet set, ObjectNode c, String where) {
    List<FieldSpec> specs = new ArrayList<>();
    for (FieldSpec fs : fieldSpecs(c, where)) {
      if (!String.join("/", fs.path()).equals(METADATA_NAMESPACE)) {
        specs.add(fs);
      }
    }
    Namespacer.Subjects subjects =
        switch (c.path("setRoleBindingSubjects").asText("")) {
          case "", "defaultOnly" -> Namespacer.Subjects.DEFAULT_ONLY;
          case "allServiceAccounts" -> Namespacer.Subjects.ALL_SERVICE_ACCOUNTS;
          case "none" -> Namespacer.Subjects.NONE;
          default ->
              throw new KustomizeException(
                  where,
                  0,
                  "invalid value for setRoleBindingSubjects: "
                      + c.path("setRoleBindingSubjects").asText());
        };
    Namespacer.apply(
        set,
        c.path("metadata").path("namespace").asText(""),
        specs,
        c.path("unsetOnly").asBoolean(false),
        subjects,
        where);
  }

  private static void strategicMerge(
      BuildContext ctx, KustomizationFile k, ResourceSet set, ObjectNode c, String where) {
    ArrayNode list = JSON.arrayNode();
    c.path("paths").forEach(list::add);
    if (c.path("patches").isTextual()) {
      list.add(c.get("patches"));
    }
    if (list.isEmpty()) {
      throw new KustomizeException(where, 0, "empty file path and empty patch content");
    }
    new Patches(ctx, synthetic(k, "patchesStrategicMerge", list)).strategicMergeList(set);
  }

  private static void valueAdd(
      BuildContext ctx, KustomizationFile k, ResourceSet set, ObjectNode c, String where) {
    String value = c.path("value").asText("").strip();
    if (value.isEmpty()) {
      Path name = k.dir().getFileName();
      value = name == null ? "" : name.toString();
    }
    List<JsonNode> targets = new ArrayList<>();
    c.path("targets").forEach(targets::add);
    if (c.hasNonNull("targetFilePath")) {
      String file = c.get("targetFilePath").asText();
      String display = ctx.display(k, file);
      for (var d : Documents.read(display, ctx.readText(k, file))) {
        d.content().path("targets").forEach(targets::add);
      }
    }
    if (targets.isEmpty()) {
      throw new KustomizeException(where, 0, "must specify at least one target");
    }
    for (JsonNode target : targets) {
      String fieldPath = target.path("fieldPath").asText("");
      if (fieldPath.isEmpty()) {
        throw new KustomizeException(where, 0, "fieldPath cannot be empty");
      }
      int position = target.path("filePathPosition").asInt(0);
      if (position < 0) {
        throw new KustomizeException(
            where, 0, "value of FilePathPosition (" + position + ") cannot be negative");
      }
      List<Resource> selected =
          target.hasNonNull("selector")
              ? TargetSelector.of(target.get("selector"), where).select(set)
              : List.copyOf(set.list());
      for (Resource r : selected) {
        if (fieldPath.equals(METADATA_NAMESPACE)) {
          // Kustomize's ValueAddTransformer keeps no earlier id: references do not follow.
          if (!r.id().clusterScoped()) {
            r.setNamespace(value);
          }
        } else {
          ValueAdd.apply(r.node(), fieldPath, value, position);
        }
      }
    }
  }

  /** Names generated objects with their hash now; kustomize hashes again at the end. */
  private static void hash(ResourceSet set) {
    for (Resource r : set.list()) {
      if (r.needsHashSuffix()) {
        String suffix = NameHash.of(r.node());
        r.rememberId();
        r.setName(r.name() + "-" + suffix);
      }
    }
  }

  private static String name(ObjectNode c) {
    return c.path("metadata").path("name").asText("");
  }

  /** A kustomization with one list field: {@code entries} as they are, or one entry map. */
  private static KustomizationFile synthetic(KustomizationFile k, String field, JsonNode entries) {
    ObjectNode fields = JSON.objectNode();
    if (entries.isArray()) {
      fields.set(field, entries.deepCopy());
    } else if (!entries.isMissingNode() && !entries.isNull()) {
      fields.putArray(field).add(entries);
    }
    return KustomizationFile.synthetic(k, fields);
  }

  private static ObjectNode copyFields(ObjectNode c, String... names) {
    ObjectNode out = JSON.objectNode();
    for (String name : names) {
      if (c.hasNonNull(name)) {
        out.set(name, c.get(name).deepCopy());
      }
    }
    return out;
  }

  private static java.util.Map<String, String> strings(ObjectNode c, String field, String where) {
    return KustomizationFile.stringMap(c.get(field), where, field);
  }

  static List<FieldSpec> fieldSpecs(ObjectNode c, String where) {
    JsonNode specs = c.path("fieldSpecs");
    List<FieldSpec> out = new ArrayList<>();
    if (specs.isMissingNode() || specs.isNull()) {
      return out;
    }
    if (!specs.isArray()) {
      throw new KustomizeException(where, 0, "fieldSpecs must be a list");
    }
    for (JsonNode fs : specs) {
      String path = fs.path("path").asText("");
      if (path.isEmpty()) {
        continue;
      }
      out.add(
          FieldSpec.of(
              fs.path("group").asText(""),
              fs.path("version").asText(""),
              fs.path("kind").asText(""),
              path,
              fs.path("create").asBoolean(false)));
    }
    return out;
  }
}

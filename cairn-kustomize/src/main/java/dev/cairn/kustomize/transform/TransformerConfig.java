package dev.cairn.kustomize.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.transform.FieldSpecTable.NameRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field specs the transformers of one accumulation use: kustomize's built-ins plus what {@code
 * configurations:} files added here or in any base or component below (kustomize merges them
 * upwards). Immutable.
 */
public final class TransformerConfig {
  private static final TransformerConfig DEFAULTS = new TransformerConfig(Map.of(), List.of());
  private static final Map<String, String> SECTIONS =
      Map.of(
          "commonLabels", "selectorLabels",
          "templateLabels", "templateLabels",
          "commonAnnotations", "commonAnnotations",
          "namespace", "namespace",
          "varReference", "varReference",
          "replicas", "replicas",
          "images", "images");

  private final Map<String, List<FieldSpec>> extraSections;
  private final List<NameRef> extraNameRefs;

  private TransformerConfig(Map<String, List<FieldSpec>> sections, List<NameRef> nameRefs) {
    this.extraSections = sections;
    this.extraNameRefs = nameRefs;
  }

  public static TransformerConfig defaults() {
    return DEFAULTS;
  }

  public boolean isDefault() {
    return extraSections.isEmpty() && extraNameRefs.isEmpty();
  }

  /** The specs of a section: built-in ones first, then configured ones. */
  public List<FieldSpec> section(String name) {
    List<FieldSpec> extra = extraSections.get(name);
    List<FieldSpec> builtIn = FieldSpecTable.get().section(name);
    if (extra == null) {
      return builtIn;
    }
    List<FieldSpec> all = new ArrayList<>(builtIn);
    all.addAll(extra);
    return all;
  }

  /** The name references whose referrer may be of this kind. */
  public List<NameRef> nameRefsFor(String referrerKind) {
    List<NameRef> builtIn = FieldSpecTable.get().nameRefsFor(referrerKind);
    if (extraNameRefs.isEmpty()) {
      return builtIn;
    }
    List<NameRef> all = new ArrayList<>(builtIn);
    for (NameRef ref : extraNameRefs) {
      String k = ref.referrer().kind();
      if (k.isEmpty() || k.equals(referrerKind)) {
        all.add(ref);
      }
    }
    return all;
  }

  /** This configuration with another's additions (duplicates dropped). */
  public TransformerConfig merge(TransformerConfig other) {
    if (other.isDefault()) {
      return this;
    }
    if (isDefault()) {
      return other;
    }
    Map<String, List<FieldSpec>> sections = new LinkedHashMap<>();
    for (var source : List.of(extraSections, other.extraSections)) {
      source.forEach(
          (k, v) -> {
            Set<FieldSpec> merged = new LinkedHashSet<>(sections.getOrDefault(k, List.of()));
            merged.addAll(v);
            sections.put(k, List.copyOf(merged));
          });
    }
    Set<NameRef> refs = new LinkedHashSet<>(extraNameRefs);
    refs.addAll(other.extraNameRefs);
    return new TransformerConfig(sections, List.copyOf(refs));
  }

  /** Parses one {@code configurations:} file. */
  public static TransformerConfig parse(JsonNode doc, String file) {
    if (doc == null || doc.isNull()) {
      return DEFAULTS;
    }
    if (!doc.isObject()) {
      throw new KustomizeException(file, 0, "a transformer configuration must be a map");
    }
    Map<String, List<FieldSpec>> sections = new LinkedHashMap<>();
    List<NameRef> refs = new ArrayList<>();
    doc.fieldNames()
        .forEachRemaining(
            name -> {
              JsonNode value = doc.get(name);
              if (name.equals("nameReference")) {
                for (JsonNode target : value) {
                  for (JsonNode fs : target.path("fieldSpecs")) {
                    refs.add(
                        new NameRef(
                            target.path("group").asText(""),
                            target.path("version").asText(""),
                            target.path("kind").asText(""),
                            fieldSpec(fs, file)));
                  }
                }
              } else if (SECTIONS.containsKey(name)) {
                List<FieldSpec> specs = new ArrayList<>();
                for (JsonNode fs : value) {
                  specs.add(fieldSpec(fs, file));
                }
                sections.put(SECTIONS.get(name), specs);
              } else {
                throw new KustomizeException(
                    file, 0, "transformer configuration '" + name + "' is not supported");
              }
            });
    return new TransformerConfig(sections, refs);
  }

  private static FieldSpec fieldSpec(JsonNode fs, String file) {
    String path = fs.path("path").asText("");
    if (path.isEmpty()) {
      throw new KustomizeException(file, 0, "a field spec needs a path");
    }
    return FieldSpec.of(
        fs.path("group").asText(""),
        fs.path("version").asText(""),
        fs.path("kind").asText(""),
        path,
        fs.path("create").asBoolean(false));
  }
}

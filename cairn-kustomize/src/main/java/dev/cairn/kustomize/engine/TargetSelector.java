package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A patch or replacement target: group, version, kind, name and namespace as anchored regular
 * expressions (empty matches all), plus label and annotation selectors. Name and namespace match
 * the original or the current id.
 */
public final class TargetSelector {
  private static final Set<String> FIELDS =
      Set.of(
          "group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector");

  private final Pattern group;
  private final Pattern version;
  private final Pattern kind;
  private final Pattern name;
  private final Pattern namespace;
  private final LabelSelector labels;
  private final LabelSelector annotations;

  private TargetSelector(JsonNode node, String file) {
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (!FIELDS.contains(f)) {
                throw new KustomizeException(file, 0, "unknown field '" + f + "' in target");
              }
            });
    group = regex(node, "group", file);
    version = regex(node, "version", file);
    kind = regex(node, "kind", file);
    name = regex(node, "name", file);
    namespace = regex(node, "namespace", file);
    labels = LabelSelector.parse(node.path("labelSelector").asText(""), file);
    annotations = LabelSelector.parse(node.path("annotationSelector").asText(""), file);
  }

  public static TargetSelector of(JsonNode node, String file) {
    if (node == null || !node.isObject()) {
      throw new KustomizeException(file, 0, "a patch target must be a map");
    }
    return new TargetSelector(node, file);
  }

  private static Pattern regex(JsonNode node, String field, String file) {
    String s = node.path(field).asText("");
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Pattern.compile("^(?:" + s + ")$");
    } catch (PatternSyntaxException e) {
      throw new KustomizeException(file, 0, "invalid " + field + " regex '" + s + "' in target");
    }
  }

  /** The objects this selector picks, in set order. */
  public List<Resource> select(ResourceSet set) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : set.list()) {
      if (matches(r)) {
        out.add(r);
      }
    }
    return out;
  }

  public boolean matches(Resource r) {
    ResId cur = r.id();
    ResId org = r.originalId();
    if (namespace != null
        && !namespace.matcher(org.effectiveNamespace()).matches()
        && !namespace.matcher(cur.effectiveNamespace()).matches()) {
      return false;
    }
    if (name != null
        && !name.matcher(org.name()).matches()
        && !name.matcher(cur.name()).matches()) {
      return false;
    }
    if ((group != null && !group.matcher(cur.group()).matches())
        || (version != null && !version.matcher(cur.version()).matches())
        || (kind != null && !kind.matcher(cur.kind()).matches())) {
      return false;
    }
    JsonNode meta = r.node().path("metadata");
    return labels.matches(meta.path("labels")) && annotations.matches(meta.path("annotations"));
  }
}

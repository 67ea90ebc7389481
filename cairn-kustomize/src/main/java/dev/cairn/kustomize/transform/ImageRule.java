package dev.cairn.kustomize.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.engine.Resource;
import dev.cairn.kustomize.engine.ResourceSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One {@code images:} entry: rewrites the image of every container and init container (anywhere in
 * an object) whose image name (without tag and digest) equals the rule's name, replacing name, tag
 * and/or digest.
 */
public record ImageRule(String name, String newName, String newTag, String digest) {

  public static ImageRule of(String name, String newName, String newTag, String digest) {
    return new ImageRule(name, empty(newName), empty(newTag), empty(digest));
  }

  private static String empty(String s) {
    return s == null ? "" : s;
  }

  /** Rewrites every container image, then the image strings at configured extra paths. */
  public void apply(ResourceSet set, List<FieldSpec> extraPaths) {
    for (Resource r : set.list()) {
      walk(r.node());
      var id = r.id();
      for (FieldSpec fs : extraPaths) {
        if (fs.selects(id)) {
          fs.walk(
              r.node(),
              (parent, field) -> {
                JsonNode v = parent.get(field);
                String updated = v != null && v.isTextual() ? rewrite(v.asText()) : null;
                if (updated != null) {
                  parent.put(field, updated);
                }
              });
        }
      }
    }
  }

  private void walk(JsonNode node) {
    if (node instanceof ObjectNode o) {
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        if ((k.equals("containers") || k.equals("initContainers")) && e.getValue().isArray()) {
          for (JsonNode c : e.getValue()) {
            if (c instanceof ObjectNode container && container.path("image").isTextual()) {
              String updated = rewrite(container.get("image").asText());
              if (updated != null) {
                container.put("image", updated);
              }
            }
          }
        }
        walk(e.getValue());
      }
    } else if (node != null && node.isArray()) {
      for (JsonNode e : node) {
        walk(e);
      }
    }
  }

  /** The rewritten image, or null when this rule does not match it. */
  String rewrite(String image) {
    String[] parts = split(image);
    if (!parts[0].equals(name)) {
      return null;
    }
    String n = parts[0];
    String tag = parts[1];
    String dig = parts[2];
    if (!newName.isEmpty()) {
      n = newName;
    }
    if (!newTag.isEmpty() && !digest.isEmpty()) {
      tag = newTag;
      dig = digest;
    } else if (!newTag.isEmpty()) {
      tag = newTag;
      dig = "";
    } else if (!digest.isEmpty()) {
      dig = digest;
      tag = "";
    }
    StringBuilder out = new StringBuilder(n);
    if (!tag.isEmpty()) {
      out.append(':').append(tag);
    }
    if (!dig.isEmpty()) {
      out.append('@').append(dig);
    }
    return out.toString();
  }

  /** Splits an image reference into name, tag and digest; a registry port is part of the name. */
  static String[] split(String image) {
    int slash = image.indexOf('/');
    int offset = slash > 0 ? slash : 0;
    String search = image.substring(offset);
    int at = search.indexOf('@');
    int colon = search.indexOf(':');
    if (colon < 0 && at < 0) {
      return new String[] {image, "", ""};
    }
    if (at >= 0 && (at < colon || colon < 0)) {
      return new String[] {image.substring(0, at + offset), "", image.substring(at + offset + 1)};
    }
    if (at >= 0) {
      return new String[] {
        image.substring(0, colon + offset),
        image.substring(colon + offset + 1, at + offset),
        image.substring(at + offset + 1)
      };
    }
    return new String[] {
      image.substring(0, colon + offset), image.substring(colon + offset + 1), ""
    };
  }
}

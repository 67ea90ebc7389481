package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Discovery documents ({@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/group/version})
 * and {@code /version}, built from the known kinds, so that fabric8's generic resources and kubectl
 * can find plurals and scopes. Returns null for paths it does not serve.
 */
final class Discovery {
  private final ResourceTypes types;

  Discovery(ResourceTypes types) {
    this.types = types;
  }

  ObjectNode respond(String path) {
    String p = path.replaceAll("/+$", "");
    if (p.equals("/version")) {
      return version();
    }
    if (p.equals("/api")) {
      ObjectNode versions = object("APIVersions", "");
      versions.putArray("versions").add("v1");
      versions.putArray("serverAddressByClientCIDRs");
      return versions;
    }
    if (p.equals("/apis")) {
      return groups();
    }
    if (p.equals("/api/v1")) {
      return resources("", "v1");
    }
    String[] segments = p.split("/");
    if (segments.length == 4 && segments[1].equals("apis")) {
      ObjectNode list = resources(segments[2], segments[3]);
      return list.path("resources").isEmpty() ? null : list;
    }
    return null;
  }

  private ObjectNode version() {
    ObjectNode version = Json.MAPPER.createObjectNode();
    version.put("major", "1").put("minor", "31").put("gitVersion", "v1.31.0-cairn-simulated");
    version.put("platform", "linux/amd64");
    return version;
  }

  private ObjectNode groups() {
    Map<String, List<String>> versionsByGroup = new TreeMap<>();
    for (ResourceType type : types.all()) {
      if (!type.group().isEmpty()) {
        List<String> versions =
            versionsByGroup.computeIfAbsent(type.group(), g -> new ArrayList<>());
        if (!versions.contains(type.version())) {
          versions.add(type.version());
        }
      }
    }
    ObjectNode list = object("APIGroupList", "v1");
    ArrayNode groups = list.putArray("groups");
    versionsByGroup.forEach(
        (group, versions) -> {
          versions.sort((a, b) -> b.compareTo(a));
          ObjectNode g = groups.addObject().put("name", group);
          ArrayNode vs = g.putArray("versions");
          versions.forEach(
              v -> vs.addObject().put("groupVersion", group + "/" + v).put("version", v));
          g.putObject("preferredVersion")
              .put("groupVersion", group + "/" + versions.get(0))
              .put("version", versions.get(0));
        });
    return list;
  }

  private ObjectNode resources(String group, String version) {
    ObjectNode list = object("APIResourceList", "v1");
    list.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode resources = list.putArray("resources");
    Map<String, ResourceType> sorted = new LinkedHashMap<>();
    types.all().stream()
        .filter(t -> t.group().equals(group) && t.version().equals(version))
        .sorted((a, b) -> a.plural().compareTo(b.plural()))
        .forEach(t -> sorted.put(t.plural(), t));
    for (ResourceType type : sorted.values()) {
      ObjectNode r = resources.addObject();
      r.put("name", type.plural())
          .put("singularName", type.kind().toLowerCase(Locale.ROOT))
          .put("namespaced", type.namespaced())
          .put("kind", type.kind());
      if (!type.names().shortNames().isEmpty()) {
        type.names().shortNames().forEach(r.putArray("shortNames")::add);
      }
      if (!type.names().categories().isEmpty()) {
        type.names().categories().forEach(r.putArray("categories")::add);
      }
      ArrayNode verbs = r.putArray("verbs");
      (AccessReview.handles(type)
              ? List.of("create")
              : List.of(
                  "create",
                  "delete",
                  "deletecollection",
                  "get",
                  "list",
                  "patch",
                  "update",
                  "watch"))
          .forEach(verbs::add);
      if (type.statusSubresource()) {
        ObjectNode s = resources.addObject();
        s.put("name", type.plural() + "/status")
            .put("singularName", "")
            .put("namespaced", type.namespaced())
            .put("kind", type.kind());
        ArrayNode statusVerbs = s.putArray("verbs");
        List.of("get", "patch", "update").forEach(statusVerbs::add);
      }
    }
    return list;
  }

  private static ObjectNode object(String kind, String apiVersion) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("kind", kind);
    if (!apiVersion.isEmpty()) {
      node.put("apiVersion", apiVersion);
    }
    return node;
  }
}

package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.sim.cluster.FieldPaths.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code metadata.managedFields}: one entry per (manager, operation, subresource) with the field
 * set it owns. Updates (create, PUT, non-apply PATCH) take ownership of the fields they change away
 * from everyone else, as the real server does.
 */
final class ManagedFields {
  static final String APPLY = "Apply";
  static final String UPDATE = "Update";

  /** One managedFields entry; {@code fields} is mutable while a write is being computed. */
  static final class Entry {
    final String manager;
    final String operation;
    final String subresource;
    String apiVersion;
    String time;
    Set<List<String>> fields;
    boolean touched;

    Entry(String manager, String operation, String subresource, String apiVersion) {
      this.manager = manager;
      this.operation = operation;
      this.subresource = subresource;
      this.apiVersion = apiVersion;
      this.fields = new LinkedHashSet<>();
    }

    boolean is(String manager, String operation, String subresource) {
      return this.manager.equals(manager)
          && this.operation.equals(operation)
          && Objects.equals(this.subresource, subresource);
    }

    Scope scope() {
      return "status".equals(subresource) ? Scope.STATUS : Scope.MAIN;
    }
  }

  private ManagedFields() {}

  static List<Entry> read(JsonNode object) {
    List<Entry> entries = new ArrayList<>();
    for (JsonNode node : object.path("metadata").path("managedFields")) {
      Entry entry =
          new Entry(
              node.path("manager").asText(),
              node.path("operation").asText(UPDATE),
              node.hasNonNull("subresource") ? node.get("subresource").asText() : null,
              node.path("apiVersion").asText());
      entry.time = node.hasNonNull("time") ? node.get("time").asText() : null;
      entry.fields = FieldPaths.fromFieldsV1(node.path("fieldsV1"));
      entries.add(entry);
    }
    return entries;
  }

  /** Writes entries back, dropping empty ones and stamping {@code time} on those that changed. */
  static void write(ObjectNode object, List<Entry> entries) {
    ObjectNode metadata = object.with("metadata");
    ArrayNode array = Json.MAPPER.createArrayNode();
    String now = Timestamps.now();
    for (Entry entry : entries) {
      if (entry.fields.isEmpty()) {
        continue;
      }
      ObjectNode node = array.addObject();
      node.put("manager", entry.manager);
      node.put("operation", entry.operation);
      node.put("apiVersion", entry.apiVersion);
      node.put("time", entry.touched || entry.time == null ? now : entry.time);
      node.put("fieldsType", "FieldsV1");
      node.set("fieldsV1", FieldPaths.toFieldsV1(entry.fields));
      if (entry.subresource != null) {
        node.put("subresource", entry.subresource);
      }
    }
    if (array.isEmpty()) {
      metadata.remove("managedFields");
    } else {
      metadata.set("managedFields", array);
    }
  }

  static Entry find(List<Entry> entries, String manager, String operation, String subresource) {
    for (Entry entry : entries) {
      if (entry.is(manager, operation, subresource)) {
        return entry;
      }
    }
    return null;
  }

  /**
   * Records a non-apply write by {@code manager}: it owns what it changed; others lose what it
   * changed; nobody keeps fields that no longer exist.
   */
  static void recordUpdate(
      JsonNode live,
      ObjectNode next,
      ResourceType type,
      String manager,
      String subresource,
      List<Entry> entries) {
    Scope scope = "status".equals(subresource) ? Scope.STATUS : Scope.MAIN;
    Map<List<String>, JsonNode> before =
        live == null ? Map.of() : FieldPaths.flatten(live, type, scope);
    Map<List<String>, JsonNode> after = FieldPaths.flatten(next, type, scope);
    Set<List<String>> changed = new LinkedHashSet<>();
    after.forEach(
        (path, value) -> {
          if (!value.equals(before.get(path))) {
            changed.add(path);
          }
        });
    for (Entry entry : entries) {
      if (entry.scope() != scope) {
        continue;
      }
      int size = entry.fields.size();
      entry.fields.removeAll(changed);
      entry.fields.retainAll(after.keySet());
      entry.touched |= entry.fields.size() != size;
    }
    if (changed.isEmpty()) {
      return;
    }
    Entry mine = find(entries, manager, UPDATE, subresource);
    if (mine == null) {
      mine = new Entry(manager, UPDATE, subresource, type.apiVersion());
      entries.add(mine);
    }
    mine.fields.addAll(changed);
    mine.apiVersion = type.apiVersion();
    mine.touched = true;
  }
}

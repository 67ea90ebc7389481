package dev.cairn.kustomize.patch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The strategic-merge list strategies of built-in kinds, read once per process from the compact
 * table {@code patch-strategies.txt}.
 */
public final class PatchSchema {
  /** How a list field merges. */
  public enum ListStrategy {
    REPLACE,
    MERGE_BY_KEY,
    MERGE_AS_SET
  }

  /** What the schema knows about one field. {@code type} may be null (unknown subtree). */
  public record Field(SchemaType type, ListStrategy strategy, String key, List<String> extraKeys) {}

  /** A named type: its known fields. */
  public static final class SchemaType {
    private final String name;
    private final Map<String, Field> fields = new HashMap<>();

    SchemaType(String name) {
      this.name = name;
    }

    public String name() {
      return name;
    }

    void put(String fieldName, Field field) {
      fields.put(fieldName, field);
    }

    /** The field, or null when the schema says nothing about it. */
    public Field field(String fieldName) {
      return fields.get(fieldName);
    }
  }

  private static final PatchSchema INSTANCE = load();

  private final Map<String, SchemaType> types;
  private final Map<String, SchemaType> roots;

  PatchSchema(Map<String, SchemaType> types, Map<String, SchemaType> roots) {
    this.types = types;
    this.roots = roots;
  }

  /** The process-wide table. */
  public static PatchSchema get() {
    return INSTANCE;
  }

  /**
   * The schema type at the root of an object, or null for kinds the table does not know (custom
   * resources, and versions of built-in kinds the schema lacks: maps merge, lists are replaced).
   */
  public SchemaType rootFor(String group, String version, String kind) {
    return roots.get((group.isEmpty() ? "core" : group) + "/" + version + "/" + kind);
  }

  /** The type of a list element under a keyed merge list, or an unknown subtree. */
  public SchemaType type(String name) {
    return types.get(name);
  }

  private static PatchSchema load() {
    String text;
    try (InputStream in =
        PatchSchema.class.getResourceAsStream("/dev/cairn/kustomize/patch-strategies.txt")) {
      if (in == null) {
        throw new IllegalStateException("patch-strategies.txt missing from the classpath");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, SchemaType> types = new HashMap<>();
    Map<String, SchemaType> roots = new HashMap<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts[0].equals("root")) {
        roots.put(
            parts[1] + "/" + parts[2] + "/" + parts[3],
            types.computeIfAbsent(parts[4], SchemaType::new));
      } else if (parts[0].equals("type")) {
        SchemaType t = types.computeIfAbsent(parts[1], SchemaType::new);
        for (int i = 2; i < parts.length; i++) {
          String[] kv = parts[i].split("=", 2);
          t.fields.put(kv[0], parseField(kv[1], types));
        }
      } else {
        throw new IllegalStateException("bad line in patch-strategies.txt: " + line);
      }
    }
    return new PatchSchema(types, roots);
  }

  private static Field parseField(String spec, Map<String, SchemaType> types) {
    if (spec.equals("[]")) {
      return new Field(null, ListStrategy.MERGE_AS_SET, null, List.of());
    }
    if (spec.startsWith("[")) {
      int close = spec.indexOf(']');
      String elementType = spec.substring(1, close);
      String[] keys = spec.substring(close + 2).split("\\+");
      return new Field(
          types.computeIfAbsent(elementType, SchemaType::new),
          ListStrategy.MERGE_BY_KEY,
          keys[0],
          List.of(keys).subList(1, keys.length));
    }
    return new Field(
        types.computeIfAbsent(spec, SchemaType::new), ListStrategy.REPLACE, null, List.of());
  }
}

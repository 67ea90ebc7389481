package dev.cairn.kustomize.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The built-in field specs of kustomize's transformers, read once from {@code field-specs.txt}. */
public final class FieldSpecTable {
  /** A name reference: objects of the target kind are referred to at the spec's field. */
  public record NameRef(String group, String version, String kind, FieldSpec referrer) {}

  private static final FieldSpecTable INSTANCE = load();

  private final Map<String, List<FieldSpec>> sections;
  private final List<NameRef> nameRefs;
  private final Map<String, List<NameRef>> nameRefsByReferrerKind = new HashMap<>();
  private final List<NameRef> nameRefsForAnyKind = new ArrayList<>();

  private FieldSpecTable(Map<String, List<FieldSpec>> sections, List<NameRef> nameRefs) {
    this.sections = sections;
    this.nameRefs = nameRefs;
    for (NameRef ref : nameRefs) {
      String kind = ref.referrer().kind();
      if (kind.isEmpty()) {
        nameRefsForAnyKind.add(ref);
      } else {
        nameRefsByReferrerKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(ref);
      }
    }
  }

  /** The name references whose referrer may be of this kind (still to be checked with selects). */
  public List<NameRef> nameRefsFor(String referrerKind) {
    List<NameRef> byKind = nameRefsByReferrerKind.getOrDefault(referrerKind, List.of());
    if (nameRefsForAnyKind.isEmpty()) {
      return byKind;
    }
    List<NameRef> all = new ArrayList<>(byKind);
    all.addAll(nameRefsForAnyKind);
    return all;
  }

  public static FieldSpecTable get() {
    return INSTANCE;
  }

  public List<FieldSpec> section(String name) {
    return sections.getOrDefault(name, List.of());
  }

  public List<NameRef> nameRefs() {
    return nameRefs;
  }

  private static FieldSpecTable load() {
    String text;
    try (InputStream in =
        FieldSpecTable.class.getResourceAsStream("/dev/cairn/kustomize/field-specs.txt")) {
      if (in == null) {
        throw new IllegalStateException("field-specs.txt missing from the classpath");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, List<FieldSpec>> sections = new HashMap<>();
    List<NameRef> refs = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.split("\\s+");
      if (p[0].equals("nameref")) {
        for (String targetKind : p[3].split(",")) {
          for (FieldSpec fs : expand(p[4], p[5], p[6], p[7], false)) {
            refs.add(new NameRef(any(p[1]), any(p[2]), targetKind, fs));
          }
        }
      } else {
        boolean create = p.length > 5 && p[5].equals("create");
        sections
            .computeIfAbsent(p[0], k -> new ArrayList<>())
            .addAll(expand(p[1], p[2], p[3], p[4], create));
      }
    }
    return new FieldSpecTable(sections, List.copyOf(refs));
  }

  private static List<FieldSpec> expand(
      String group, String version, String kinds, String path, boolean create) {
    List<FieldSpec> out = new ArrayList<>();
    for (String kind : kinds.split(",")) {
      String k = any(kind);
      out.add(FieldSpec.of(any(group), any(version), k, path.replace("{pod}", podSpec(k)), create));
    }
    return out;
  }

  private static String podSpec(String kind) {
    return switch (kind) {
      case "Pod" -> "spec";
      case "PodTemplate" -> "template/spec";
      case "CronJob" -> "spec/jobTemplate/spec/template/spec";
      default -> "spec/template/spec";
    };
  }

  private static String any(String s) {
    return s.equals("-") ? "" : s;
  }
}

package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The git generator. {@code directories}: one parameter set per directory of the repository (hidden
 * ones skipped) that an entry's pattern matches and no {@code exclude: true} entry does. {@code
 * files}: one set per object of each matching JSON or YAML file (a file holding a list gives one
 * per item), its content flattened, plus the path parameters. {@code pathParamPrefix} prefixes the
 * path parameters; {@code values} are added to every set.
 */
final class GitGenerator {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> FIELDS =
      Set.of(
          "repoURL",
          "revision",
          "directories",
          "files",
          "pathParamPrefix",
          "values",
          "template",
          "requeueAfterSeconds");

  private GitGenerator() {}

  static List<Map<String, Object>> generate(JsonNode spec, GeneratorContext context, String where) {
    Generators.checkFields(spec, FIELDS, where);
    String repoURL = spec.path("repoURL").asText("");
    if (repoURL.isEmpty()) {
      throw new GeneratorException(where + ".repoURL is required");
    }
    boolean directories = spec.has("directories");
    if (directories == spec.has("files")) {
      throw new GeneratorException(where + " needs exactly one of directories and files");
    }
    Path root = context.git().checkout(repoURL, spec.path("revision").asText("HEAD"));
    String prefix = spec.path("pathParamPrefix").asText("");
    ParamRenderer renderer = context.renderer();
    List<Map<String, Object>> out = new ArrayList<>();
    if (directories) {
      for (String dir : matchingDirectories(root, spec.get("directories"), where)) {
        out.add(withPath(new LinkedHashMap<>(), dir, null, prefix, renderer.nested()));
      }
    } else {
      for (String file : matchingFiles(root, spec.get("files"), where)) {
        for (Map<String, Object> content : read(root.resolve(file), file, where)) {
          Map<String, Object> params = renderer.nested() ? content : ParamMaps.flatten(content);
          out.add(withPath(params, parent(file), baseName(file), prefix, renderer.nested()));
        }
      }
    }
    out.forEach(params -> ParamMaps.addValues(spec.get("values"), params, renderer, where));
    return out;
  }

  private static List<String> matchingDirectories(Path root, JsonNode entries, String where) {
    List<String> out = new ArrayList<>();
    for (String dir : walk(root, true)) {
      boolean included = false;
      boolean excluded = false;
      for (JsonNode entry : entries) {
        if (PathGlob.directory(entry.path("path").asText()).matches(dir)) {
          if (entry.path("exclude").asBoolean(false)) {
            excluded = true;
          } else {
            included = true;
          }
        }
      }
      if (included && !excluded) {
        out.add(dir);
      }
    }
    return out;
  }

  private static List<String> matchingFiles(Path root, JsonNode entries, String where) {
    List<String> out = new ArrayList<>();
    for (String file : walk(root, false)) {
      boolean included = false;
      boolean excluded = false;
      for (JsonNode entry : entries) {
        if (PathGlob.file(entry.path("path").asText()).matches(file)) {
          if (entry.path("exclude").asBoolean(false)) {
            excluded = true;
          } else {
            included = true;
          }
        }
      }
      if (included && !excluded) {
        out.add(file);
      }
    }
    return out;
  }

  /** Repository-relative paths of every directory (or file), hidden directories skipped, sorted. */
  private static List<String> walk(Path root, boolean directories) {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(p -> !p.equals(root))
          .filter(p -> directories == Files.isDirectory(p))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !hidden(directories ? p : parent(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hidden(String path) {
    for (String segment : path.split("/")) {
      if (segment.startsWith(".") && !segment.equals(".")) {
        return true;
      }
    }
    return false;
  }

  private static List<Map<String, Object>> read(Path file, String name, String where) {
    JsonNode content;
    try {
      content = YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new GeneratorException(where + ": cannot parse " + name + ": " + e.getMessage());
    }
    List<Map<String, Object>> out = new ArrayList<>();
    if (content != null && content.isObject()) {
      out.add(ParamMaps.tree(content));
    } else if (content != null && content.isArray()) {
      for (JsonNode item : content) {
        if (!item.isObject()) {
          throw new GeneratorException(
              where + ": " + name + " holds a list item that is not an object");
        }
        out.add(ParamMaps.tree(item));
      }
    } else if (content != null && !content.isNull() && !content.isMissingNode()) {
      throw new GeneratorException(where + ": " + name + " holds neither an object nor a list");
    }
    return out;
  }

  /** Adds Argo CD's path parameters of {@code dir} (and {@code file} for the files generator). */
  static Map<String, Object> withPath(
      Map<String, Object> params, String dir, String file, String prefix, boolean nested) {
    String base = baseName(dir);
    if (nested) {
      Map<String, Object> path = new LinkedHashMap<>();
      path.put("path", dir);
      path.put("basename", base);
      if (file != null) {
        path.put("filename", file);
        path.put("filenameNormalized", NameNormalizer.normalize(file));
      }
      path.put("basenameNormalized", NameNormalizer.normalize(base));
      path.put("segments", List.of(dir.split("/")));
      if (prefix.isEmpty()) {
        params.put("path", path);
      } else {
        params.put(prefix, new LinkedHashMap<>(Map.of("path", path)));
      }
      return params;
    }
    String name = prefix.isEmpty() ? "path" : prefix + ".path";
    params.put(name, dir);
    params.put(name + ".basename", base);
    params.put(name + ".basenameNormalized", NameNormalizer.normalize(base));
    if (file != null) {
      params.put(name + ".filename", file);
      params.put(name + ".filenameNormalized", NameNormalizer.normalize(file));
    }
    String[] segments = dir.split("/");
    for (int i = 0; i < segments.length; i++) {
      if (!segments[i].isEmpty()) {
        params.put(name + "[" + i + "]", segments[i]);
      }
    }
    return params;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "." : path.substring(0, slash);
  }

  private static String baseName(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}

package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.manifest.ManifestException;
import dev.cairn.manifest.YamlDocument;
import dev.cairn.manifest.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin configurations a kustomization's {@code generators:}, {@code transformers:} or {@code
 * validators:} list names, in kustomize's order: every inline entry (YAML in the list) first, then
 * the files and kustomization directories in list order. A directory is built like a base and its
 * objects are the configurations. Only kustomize's built-in plugins ({@code apiVersion: builtin})
 * are accepted; any other kind fails as kustomize fails without {@code --enable-alpha-plugins}.
 */
final class PluginConfigs {
  private static final YamlReader INLINE = YamlReader.defaults();

  /**
   * One configuration, the file it came from (for messages) and its origin relative to the
   * kustomization's directory (for build metadata).
   */
  record Config(ObjectNode node, String where, String origin) {
    String kind() {
      return node.path("kind").asText("");
    }

    /** The plugin as build metadata names it: kind, then name when it has one. */
    String metadataKind() {
      String name = node.path("metadata").path("name").asText("");
      return name.isEmpty() ? kind() : kind() + "|" + name;
    }
  }

  private PluginConfigs() {}

  private static String fileName(KustomizationFile k) {
    return Path.of(k.file()).getFileName().toString();
  }

  static List<Config> load(
      TargetBuilder builder, BuildContext ctx, KustomizationFile k, String field) {
    List<String> entries = k.strings(field);
    if (entries.isEmpty()) {
      return List.of();
    }
    ResourceSet set = new ResourceSet();
    ResourceSet.Appender appender = set.appender();
    List<String> paths = new ArrayList<>();
    for (String entry : entries) {
      List<YamlDocument> inline = inline(entry);
      if (inline == null) {
        paths.add(entry);
        continue;
      }
      for (YamlDocument d : inline) {
        Resource r = new Resource((ObjectNode) d.content(), k.file(), 0);
        r.setOriginPath(fileName(k));
        appender.append(r);
      }
    }
    for (String path : paths) {
      if (ctx.loader().isFile(k.dir(), path)) {
        var real = ctx.loader().resolveFile(k.dir(), path, k.file());
        String display = ctx.loader().display(real);
        String text = new String(ctx.loader().read(real, k.file()), StandardCharsets.UTF_8);
        for (Resource r : Documents.objects(display, text)) {
          r.setOriginPath(Path.of(path).normalize().toString());
          appender.append(r);
        }
      } else {
        var dir = ctx.loader().resolveDir(k.dir(), path, k.file());
        ResourceSet configs = builder.accumulate(dir, k.file());
        for (Resource r : configs.list()) {
          Path base = Path.of(path);
          String from = r.originPath() == null ? "" : r.originPath();
          r.setOriginPath(base.resolve(from).normalize().toString());
        }
        set.appendAll(configs);
        appender = set.appender();
      }
    }
    List<Config> out = new ArrayList<>();
    for (Resource r : set.list()) {
      if (!r.node().path("apiVersion").asText("").equals("builtin")) {
        String message =
            "external plugins disabled; unable to load external plugin '" + r.kind() + "'";
        if (field.equals("generators")) {
          message = "loading generator plugins: failed to load generator: " + message;
        }
        throw new KustomizeException(r.file(), r.line(), message);
      }
      out.add(new Config(FieldNames.canonicalPlugin(r.node()), r.file(), r.originPath()));
    }
    return out;
  }

  /**
   * The documents of an inline entry, or null when the entry is a path: like kustomize, an entry is
   * inline when it reads as YAML objects.
   */
  private static List<YamlDocument> inline(String entry) {
    if (!entry.contains("\n") && !entry.contains(":")) {
      return null;
    }
    List<YamlDocument> docs;
    try {
      docs = INLINE.readAll("inline", entry);
    } catch (ManifestException e) {
      return null;
    }
    if (docs.isEmpty()) {
      return null;
    }
    for (YamlDocument d : docs) {
      JsonNode c = d.content();
      if (!(c instanceof ObjectNode)
          || c.path("kind").asText("").isEmpty()
          || c.path("metadata").path("name").asText("").isEmpty()) {
        return null;
      }
    }
    return docs;
  }
}

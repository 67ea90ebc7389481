package dev.cairn.render.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.Image;
import dev.cairn.api.Patch;
import dev.cairn.api.Selector;
import dev.cairn.api.kustomize.BuildMetadataOption;
import dev.cairn.api.kustomize.KustomizationSpec;
import dev.cairn.manifest.ManifestException;
import dev.cairn.manifest.YamlDocument;
import dev.cairn.manifest.YamlReader;
import dev.cairn.manifest.YamlWriter;
import dev.cairn.render.RenderException;
import dev.cairn.render.RenderException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the kustomization Flux's kustomize-controller builds: the user's kustomization file (or a
 * generated one) with the Kustomization's own fields set on it, in place.
 *
 * <p>Like Flux, the fields are merged into the same kustomization rather than into a wrapper, so
 * {@code targetNamespace}, {@code namePrefix} and {@code nameSuffix} replace the file's own {@code
 * namespace}, {@code namePrefix} and {@code nameSuffix}; {@code patches} and {@code components} are
 * appended to the file's; an {@code images} entry replaces the fields it sets on the file's entry
 * of the same name (a new tag or digest replaces both); {@code buildMetadata} replaces the file's.
 * Patches therefore target objects by the names they have before the prefix or suffix is added, as
 * in Flux. {@code commonMetadata} is not part of the kustomization: Flux sets it on every object
 * after the build.
 */
public final class FluxOverlay {
  private static final List<String> REMOTE_PREFIXES =
      List.of(
          "git::", "gh:", "ssh://", "https://", "http://", "git@", "github.com:", "github.com/");

  private FluxOverlay() {}

  /**
   * Makes {@code dir} (inside a working copy) hold the kustomization to build.
   *
   * @return the kustomization file written or left as it was
   */
  public static Path write(Path dir, KustomizationSpec spec) {
    Optional<Path> existing = KustomizationFiles.find(dir);
    ObjectNode kustomization;
    Path file;
    boolean changed;
    if (existing.isPresent()) {
      file = existing.get();
      kustomization = read(dir, file);
      changed = false;
    } else {
      file = dir.resolve(KustomizationFiles.NAMES.get(0));
      kustomization = generated(dir);
      changed = true;
    }
    changed |= apply(dir, kustomization, spec);
    if (changed) {
      try {
        Files.writeString(file, YamlWriter.write(kustomization), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new RenderException(Reason.IO, "cannot write the kustomization: " + e, e);
      }
    }
    return file;
  }

  /** Whether the spec sets any field that changes the kustomization. */
  public static boolean needed(KustomizationSpec spec) {
    return spec.targetNamespace() != null
        || spec.namePrefix() != null
        || spec.nameSuffix() != null
        || notEmpty(spec.patches())
        || notEmpty(spec.components())
        || notEmpty(spec.images())
        || notEmpty(spec.buildMetadata());
  }

  private static ObjectNode generated(Path dir) {
    ObjectNode k = JsonNodeFactory.instance.objectNode();
    k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    k.put("kind", "Kustomization");
    List<String> resources = KustomizationFiles.generatedResources(dir);
    if (resources.isEmpty()) {
      k.put("namespace", "_placeholder"); // as Flux does, so an empty directory builds to nothing
    } else {
      ArrayNode list = k.putArray("resources");
      resources.forEach(list::add);
    }
    return k;
  }

  private static boolean apply(Path dir, ObjectNode k, KustomizationSpec spec) {
    boolean changed = false;
    if (spec.targetNamespace() != null) {
      k.put("namespace", spec.targetNamespace());
      changed = true;
    }
    if (spec.namePrefix() != null) {
      k.put("namePrefix", spec.namePrefix());
      changed = true;
    }
    if (spec.nameSuffix() != null) {
      k.put("nameSuffix", spec.nameSuffix());
      changed = true;
    }
    if (notEmpty(spec.patches())) {
      ArrayNode patches = array(k, "patches");
      for (Patch p : spec.patches()) {
        patches.add(patch(p));
      }
      changed = true;
    }
    if (notEmpty(spec.components())) {
      ArrayNode components = array(k, "components");
      for (String component : spec.components()) {
        if (!isLocalRelative(component)) {
          throw new RenderException(
              Reason.KUSTOMIZE_FAILED,
              "component path '" + component + "' must be local and relative");
        }
        if (Boolean.TRUE.equals(spec.ignoreMissingComponents())
            && !Files.exists(dir.resolve(component))) {
          continue;
        }
        components.add(component);
        changed = true;
      }
    }
    if (notEmpty(spec.images())) {
      ArrayNode images = array(k, "images");
      for (Image image : spec.images()) {
        mergeImage(images, image);
      }
      changed = true;
    }
    if (notEmpty(spec.buildMetadata())) {
      ArrayNode options = k.putArray("buildMetadata");
      for (BuildMetadataOption option : spec.buildMetadata()) {
        options.add(
            option == BuildMetadataOption.ORIGIN_ANNOTATIONS
                ? "originAnnotations"
                : "transformerAnnotations");
      }
      changed = true;
    }
    return changed;
  }

  private static ObjectNode patch(Patch p) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("patch", p.patch());
    Selector t = p.target();
    if (t != null) {
      ObjectNode target = node.putObject("target");
      putIfSet(target, "group", t.group());
      putIfSet(target, "version", t.version());
      putIfSet(target, "kind", t.kind());
      putIfSet(target, "name", t.name());
      putIfSet(target, "namespace", t.namespace());
      putIfSet(target, "labelSelector", t.labelSelector());
      putIfSet(target, "annotationSelector", t.annotationSelector());
    }
    return node;
  }

  private static void mergeImage(ArrayNode images, Image image) {
    for (JsonNode entry : images) {
      if (entry instanceof ObjectNode existing && image.name().equals(text(existing, "name"))) {
        if (isSet(image.newName())) {
          existing.put("newName", image.newName());
        }
        if (isSet(image.newTag()) || isSet(image.digest())) {
          setOrRemove(existing, "newTag", image.newTag());
          setOrRemove(existing, "digest", image.digest());
        }
        return;
      }
    }
    ObjectNode added = images.addObject();
    added.put("name", image.name());
    putIfSet(added, "newName", image.newName());
    putIfSet(added, "newTag", image.newTag());
    putIfSet(added, "digest", image.digest());
  }

  static boolean isLocalRelative(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    for (String prefix : REMOTE_PREFIXES) {
      if (prefix.length() < path.length() && lower.startsWith(prefix)) {
        return false;
      }
    }
    String withoutScheme = lower.startsWith("file://") ? path.substring(7) : path;
    return !Path.of(path).isAbsolute() && !withoutScheme.startsWith("/");
  }

  private static ObjectNode read(Path dir, Path file) {
    String name = dir.relativize(file).toString();
    try {
      List<YamlDocument> docs =
          YamlReader.defaults().readAll(name, Files.readString(file, StandardCharsets.UTF_8));
      if (docs.isEmpty()) {
        return JsonNodeFactory.instance.objectNode();
      }
      if (docs.size() > 1 || !docs.get(0).content().isObject()) {
        throw new RenderException(
            Reason.KUSTOMIZE_FAILED, name + ": a kustomization must be a single YAML mapping");
      }
      return (ObjectNode) docs.get(0).content();
    } catch (IOException e) {
      throw new RenderException(Reason.IO, "cannot read " + name + ": " + e.getMessage(), e);
    } catch (ManifestException e) {
      throw new RenderException(Reason.KUSTOMIZE_FAILED, e.getMessage(), e);
    }
  }

  private static ArrayNode array(ObjectNode parent, String field) {
    JsonNode node = parent.get(field);
    return node instanceof ArrayNode a ? a : parent.putArray(field);
  }

  private static String text(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static void setOrRemove(ObjectNode node, String field, String value) {
    if (isSet(value)) {
      node.put(field, value);
    } else {
      node.remove(field);
    }
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (isSet(value)) {
      node.put(field, value);
    }
  }

  private static boolean isSet(String value) {
    return value != null && !value.isEmpty();
  }

  private static boolean notEmpty(List<?> list) {
    return list != null && !list.isEmpty();
  }
}

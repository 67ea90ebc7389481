package dev.cairn.render.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.Image;
import dev.cairn.api.Patch;
import dev.cairn.api.helm.KustomizePostRenderer;
import dev.cairn.api.helm.PostRenderer;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.Kustomizer;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlWriter;
import dev.cairn.render.RenderException;
import dev.cairn.source.artifact.DirectoryTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Flux's {@code spec.postRenderers}, in order: each Kustomize post-renderer writes the objects and
 * a {@code kustomization.yaml} (resources, patches, images) to a temporary directory and builds it
 * with cairn-kustomize. Hooks and CRDs are not post-rendered.
 */
public final class HelmPostRenderer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Kustomizer kustomizer;

  public HelmPostRenderer(Kustomizer kustomizer) {
    this.kustomizer = kustomizer;
  }

  public static HelmPostRenderer defaults() {
    return new HelmPostRenderer(Kustomizer.defaults());
  }

  /** The objects after every post-renderer; the input when there is none. */
  public List<KubeObject> apply(List<KubeObject> objects, List<PostRenderer> renderers) {
    List<KubeObject> current = objects;
    if (renderers == null) {
      return current;
    }
    for (int i = 0; i < renderers.size(); i++) {
      KustomizePostRenderer kustomize = renderers.get(i).kustomize();
      if (kustomize != null) {
        current = kustomize(current, kustomize, i);
      }
    }
    return current;
  }

  private List<KubeObject> kustomize(
      List<KubeObject> objects, KustomizePostRenderer spec, int index) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("cairn-postrender-");
      Files.writeString(
          dir.resolve("helm-output.yaml"),
          YamlWriter.writeAll(objects.stream().map(KubeObject::node).toList()),
          StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("kustomization.yaml"),
          YamlWriter.write(kustomization(spec)),
          StandardCharsets.UTF_8);
      return kustomizer.build(dir);
    } catch (KustomizeException e) {
      throw new RenderException(
          RenderException.Reason.POST_RENDER_FAILED,
          "postRenderers[" + index + "].kustomize: " + e.getMessage());
    } catch (IOException e) {
      throw new RenderException(
          RenderException.Reason.IO,
          "cannot write the post-render directory: " + e.getMessage(),
          e);
    } finally {
      if (dir != null) {
        DirectoryTrees.deleteQuietly(dir);
      }
    }
  }

  private static ObjectNode kustomization(KustomizePostRenderer spec) {
    ObjectNode k = JSON.createObjectNode();
    k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    k.put("kind", "Kustomization");
    k.putArray("resources").add("helm-output.yaml");
    if (spec.patches() != null && !spec.patches().isEmpty()) {
      ArrayNode patches = k.putArray("patches");
      for (Patch p : spec.patches()) {
        patches.add(JSON.valueToTree(p));
      }
    }
    if (spec.images() != null && !spec.images().isEmpty()) {
      ArrayNode images = k.putArray("images");
      for (Image image : spec.images()) {
        images.add(JSON.valueToTree(image));
      }
    }
    return k;
  }
}

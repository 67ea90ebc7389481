package dev.cairn.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The objects a Kustomization renders to, in the order to apply them, and the digest ({@code
 * sha256:<hex>}) of their JSON, one object a line with its fields in rendered order: equal digests
 * mean equal output. JSON and not the YAML {@link #yaml()} prints, because every run of every
 * Kustomization computes it and writing YAML cost several times as much.
 */
public record RenderedSet(List<KubeObject> objects, String digest) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public RenderedSet {
    objects = List.copyOf(objects);
  }

  /** A set of {@code objects} with their digest computed. */
  public static RenderedSet of(List<KubeObject> objects) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (KubeObject object : objects) {
        sha.update(JSON.writeValueAsBytes(object.node()));
        sha.update((byte) '\n');
      }
      return new RenderedSet(objects, "sha256:" + HexFormat.of().formatHex(sha.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a rendered object cannot be written as JSON", e);
    }
  }

  /** The objects as one multi-document YAML text. */
  public String yaml() {
    return yaml(objects);
  }

  private static String yaml(List<KubeObject> objects) {
    List<ObjectNode> nodes = objects.stream().map(KubeObject::node).toList();
    return YamlWriter.writeAll(nodes);
  }

  /** Counts only: objects may be Secrets. */
  @Override
  public String toString() {
    return "RenderedSet[" + objects.size() + " objects, " + digest + "]";
  }
}

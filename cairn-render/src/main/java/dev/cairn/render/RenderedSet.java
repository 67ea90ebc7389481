package dev.cairn.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The objects a Kustomization renders to, in the order to apply them, and the digest ({@code
 * sha256:<hex>}) of their YAML as {@link YamlWriter#writeAll} prints it: equal digests mean equal
 * output.
 */
public record RenderedSet(List<KubeObject> objects, String digest) {

  public RenderedSet {
    objects = List.copyOf(objects);
  }

  /** A set of {@code objects} with their digest computed. */
  public static RenderedSet of(List<KubeObject> objects) {
    return new RenderedSet(objects, digest(yaml(objects)));
  }

  /** The objects as one multi-document YAML text. */
  public String yaml() {
    return yaml(objects);
  }

  private static String yaml(List<KubeObject> objects) {
    List<ObjectNode> nodes = objects.stream().map(KubeObject::node).toList();
    return YamlWriter.writeAll(nodes);
  }

  static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Counts only: objects may be Secrets. */
  @Override
  public String toString() {
    return "RenderedSet[" + objects.size() + " objects, " + digest + "]";
  }
}

package dev.cairn.render.helm;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a chart renders to: the chart's metadata, the main objects (in Helm's output order), the
 * hooks and the CRDs of the chart's {@code crds/} directory.
 */
public record HelmRender(
    ChartMetadata chart, List<KubeObject> objects, List<HelmHook> hooks, List<KubeObject> crds) {

  public HelmRender {
    objects = List.copyOf(objects);
    hooks = List.copyOf(hooks);
    crds = List.copyOf(crds);
  }

  /** The main objects as one YAML stream: the release's manifest. */
  public String manifest() {
    return manifestOf(objects);
  }

  /** A copy with other main objects (after post-rendering). */
  public HelmRender withObjects(List<KubeObject> replaced) {
    return new HelmRender(chart, replaced, hooks, crds);
  }

  /** The manifest text of {@code objects}, each document preceded by {@code ---}. */
  public static String manifestOf(List<KubeObject> objects) {
    StringBuilder text = new StringBuilder();
    for (KubeObject o : objects) {
      text.append("---\n").append(YamlWriter.write(o.node()));
    }
    return text.toString();
  }

  /** {@code sha256:<hex>} of a text. */
  public static String digest(String text) {
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
    return "HelmRender["
        + chart.name()
        + "-"
        + chart.version()
        + ", "
        + objects.size()
        + " objects, "
        + hooks.size()
        + " hooks, "
        + crds.size()
        + " CRDs]";
  }
}
